package io.cemhub.experience;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExperienceIndexTest {

    private static ExperienceIndex index(ExperienceProperties p) {
        return new ExperienceIndex(p);
    }

    @Test
    void aCustomerWithNothingWrongIsIdealAndEachPartPullsItDownByItsWeight() {
        ExperienceIndex index = index(new ExperienceProperties());
        ExperienceIndex.Value perfect = index.compute(new ExperienceIndex.Inputs(100.0, 0, 0, 0));
        assertThat(perfect.score()).isEqualTo(100);
        assertThat(perfect.band()).isEqualTo(ExperienceIndex.IDEAL);
        // nothing contracted measured: the SLA part is neutral
        assertThat(index.compute(new ExperienceIndex.Inputs(null, 0, 0, 0)).score()).isEqualTo(100);
        // SLA 0 % costs its weight 0.4
        assertThat(index.compute(new ExperienceIndex.Inputs(0.0, 0, 0, 0)).score()).isEqualTo(60);
        // half the alarm minutes of the zero point (1440) cost half of 0.3
        assertThat(index.compute(new ExperienceIndex.Inputs(100.0, 720, 0, 0)).score()).isEqualTo(85);
        // tickets and payment trouble beyond their zero points count as 0, not below
        ExperienceIndex.Value worst = index.compute(new ExperienceIndex.Inputs(0.0, 1e6, 50, 50));
        assertThat(worst.score()).isZero();
        assertThat(worst.band()).isEqualTo(ExperienceIndex.BAD);
        assertThat(worst.ticketScore()).isZero();
    }

    @Test
    void bandEdgesAndWeightsComeFromConfig() {
        ExperienceProperties p = new ExperienceProperties();
        p.getBands().setAverageFrom(40);
        p.getBands().setIdealFrom(90);
        p.getWeights().setSla(1);
        p.getWeights().setAlarms(0);
        p.getWeights().setTickets(0);
        p.getWeights().setPayments(0);
        ExperienceIndex index = index(p);
        assertThat(index.compute(new ExperienceIndex.Inputs(89.0, 0, 9, 9)).band()).isEqualTo(ExperienceIndex.AVERAGE);
        assertThat(index.compute(new ExperienceIndex.Inputs(90.0, 0, 9, 9)).band()).isEqualTo(ExperienceIndex.IDEAL);
        assertThat(index.compute(new ExperienceIndex.Inputs(39.9, 0, 9, 9)).band()).isEqualTo(ExperienceIndex.BAD);
        assertThat(index.band(40)).isEqualTo(ExperienceIndex.AVERAGE);
    }

    @Test
    void nonsenseSettingsAreRefusedAtStart() {
        ExperienceProperties zero = new ExperienceProperties();
        zero.getWeights().setSla(0);
        zero.getWeights().setAlarms(0);
        zero.getWeights().setTickets(0);
        zero.getWeights().setPayments(0);
        assertThatThrownBy(() -> index(zero)).hasMessageContaining("weights");
        ExperienceProperties crossed = new ExperienceProperties();
        crossed.getBands().setAverageFrom(90);
        crossed.getBands().setIdealFrom(80);
        assertThatThrownBy(() -> index(crossed)).hasMessageContaining("bands");
    }
}
