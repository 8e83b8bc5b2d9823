package io.cemhub.threshold;

import io.cemhub.model.Alarm;
import io.cemhub.model.Measurement;
import io.cemhub.pipeline.EventContext;
import io.cemhub.pipeline.Evaluator;
import io.cemhub.pipeline.PipelineItem;

import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The threshold stage: for each measurement with an active rule, applies the sample to its series,
 * keeps the TMF642 alarm in step with the series' level and adds the alarm's notification after the
 * measurement's own event, unless the alarm is flapping or silenced (then it is marked and held).
 * Series state is read and written once per ingest message.
 */
public class ThresholdEvaluator implements Evaluator {

    private final RuleService rules;
    private final ThresholdStateStore states;
    private final AlarmStore alarms;
    private final ThresholdEngine engine;
    private final AlarmEvents events;
    private final SilenceService silences;
    private final NoDataAlarms noData;
    private final Clock clock;
    private final ThresholdMeters meters;

    public ThresholdEvaluator(RuleService rules, ThresholdStateStore states, AlarmStore alarms, ThresholdEngine engine,
                              AlarmEvents events, SilenceService silences, NoDataAlarms noData, Clock clock,
                              ThresholdMeters meters) {
        this.rules = rules;
        this.states = states;
        this.alarms = alarms;
        this.engine = engine;
        this.events = events;
        this.silences = silences;
        this.noData = noData;
        this.clock = clock;
        this.meters = meters;
    }

    @Override
    public void evaluate(List<PipelineItem> items) {
        RuleBook book = rules.current();
        Map<PipelineItem, ThresholdRule> work = new java.util.LinkedHashMap<>();
        Set<SeriesKey> keys = new HashSet<>();
        for (PipelineItem item : items) {
            if (item.record() instanceof Measurement m) {
                ThresholdRule rule = book.find(m.metric(), m.serviceId(), item.context());
                if (rule != null && rule.activeAt(m.observedAt())) {
                    work.put(item, rule);
                    keys.add(new SeriesKey(m.serviceId(), m.metric()));
                }
            }
        }
        if (work.isEmpty()) {
            return;
        }
        Map<SeriesKey, SeriesState> loaded = states.load(keys);
        Set<SeriesKey> existing = new HashSet<>(loaded.keySet());
        Map<SeriesKey, SeriesState> touched = new HashMap<>();
        work.forEach((item, rule) -> {
            Measurement m = (Measurement) item.record();
            SeriesKey key = new SeriesKey(m.serviceId(), m.metric());
            SeriesState s = loaded.computeIfAbsent(key, k -> new SeriesState());
            touched.put(key, s);
            evaluate(item, m, rule, s);
        });
        states.save(touched, existing);
        meters.evaluated(work.size());
    }

    private void evaluate(PipelineItem item, Measurement m, ThresholdRule rule, SeriesState s) {
        EventContext ctx = item.context();
        boolean wasFlapping = s.flapping;
        Optional<Transition> transition = engine.apply(rule, s, m.value(), m.observedAt());
        boolean silenced = silences.silenced(m.serviceId(), ctx == null ? null : ctx.customerId());
        if (s.noData != null && m.observedAt().isAfter(s.noData.lastObservedAt())) {
            // The series reports again: its no-data alarm clears before this value is judged.
            noData.clear(m.serviceId(), m.metric(), s.noData.alarmId(), m.observedAt(), m.id(), silenced)
                    .ifPresent(item.events()::add);
            s.noData = null;
        }
        if (transition.isPresent()) {
            Alarm alarm = apply(transition.get(), s, rule, m, ctx, silenced);
            meters.transition(transition.get(), ThresholdMeters.Cause.THRESHOLD);
            if (!s.flapping && !silenced) {
                item.events().add(events.forTransition(transition.get(), alarm, m.id()));
            } else {
                meters.held(silenced);
            }
        } else if (wasFlapping && !s.flapping && s.alarmId != null) {
            // Stable again: the notifications held while it flapped end in one that states where it is now.
            alarms.find(s.alarmId).ifPresent(a -> {
                Alarm stable = AlarmFactory.flags(a, false, silenced, clock.instant());
                alarms.update(stable);
                if (!silenced) {
                    item.events().add(events.event(AlarmEvents.CHANGE, stable, m.id()));
                }
            });
        }
    }

    private Alarm apply(Transition t, SeriesState s, ThresholdRule rule, Measurement m, EventContext ctx,
                        boolean silenced) {
        String customerId = ctx == null ? m.customerId() : ctx.customerId();
        Optional<Alarm> current = t.kind() == Transition.Kind.RAISE || s.alarmId == null
                ? Optional.empty() : alarms.find(s.alarmId);
        Alarm alarm;
        if (current.isEmpty()) {
            Severity level = t.to() != null ? t.to() : t.from();
            alarm = AlarmFactory.raise(rule, level, m, ctx, clock.instant(), s.flapping, silenced);
            if (t.kind() == Transition.Kind.CLEAR) {
                alarm = AlarmFactory.clear(alarm, m, clock.instant(), s.flapping, silenced);
            }
            alarms.upsert(alarm, m.metric(), customerId);
            s.alarmId = alarm.id();
        } else if (t.kind() == Transition.Kind.CLEAR) {
            alarm = AlarmFactory.clear(current.get(), m, clock.instant(), s.flapping, silenced);
            alarms.update(alarm);
        } else {
            alarm = AlarmFactory.change(current.get(), rule, t.to(), m, clock.instant(), s.flapping, silenced);
            alarms.update(alarm);
        }
        return alarm;
    }
}
