package io.cemhub.security;

import io.cemhub.support.HubTestSupport;
import org.apache.camel.test.spring.junit5.DisableJmx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.TestPropertySource;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Hawtio in a real browser (Debian's headless Chromium, installed by .ci/run): the console asks for the
 * login, an operator logs in, and the Camel view lists the hub's routes, which needs Jolokia POSTs with
 * the CSRF token to work. The last screenshot is kept in target/hawtio-routes.png.
 */
// Camel's MBeans are what Hawtio's Camel view shows: Camel's JMX on (the test support switches it off by
// default). The extra property keeps this context apart from cached ones: Spring's context cache does not
// look at @DisableJmx, and a cached context with Camel's JMX off would show Hawtio no routes.
@TestPropertySource(properties = "cem.test.context=hawtio")
@DisableJmx(false)
class HawtioBrowserTest extends HubTestSupport {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    Path profile;

    @Test
    void anOperatorLogsInAndSeesTheHubsRoutes() throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Debian's chromium and chromium-driver are not installed (.ci/run installs them)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        WebDriver browser = new ChromeDriver(service, options);
        try {
            String base = "http://127.0.0.1:" + port;
            browser.get(base + "/actuator/hawtio/");
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
            wait.until(b -> b.getCurrentUrl().contains("/login"));
            browser.findElement(By.name("username")).sendKeys("operator");
            browser.findElement(By.name("password")).sendKeys("operator-pw");
            browser.findElement(By.cssSelector("button[type=submit]")).click();
            wait.until(b -> b.getCurrentUrl().contains("/actuator/hawtio"));

            browser.get(base + "/actuator/hawtio/camel/routes");
            try {
                wait.until(b -> b.getPageSource().contains("cem-pipeline"));
            } finally {
                File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
                Files.copy(shot.toPath(), Path.of("target/hawtio-routes.png"), StandardCopyOption.REPLACE_EXISTING);
            }
            assertThat(browser.getPageSource()).contains("cem-pipeline").doesNotContain("name=\"password\"");
        } finally {
            browser.quit();
        }
    }
}
