package io.jgym.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgym.client.GymClient;
import io.jgym.client.RunsClient;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real headless Chromium (Debian's, through /usr/bin/chromedriver; Selenium
 * downloads nothing): a run started over HTTP appears in the runs list and its curve fills with
 * points, its page draws every metric live and stops it with the Stop button, and the start form
 * fills in the preset's values and starts a run that trains to the end; the environment viewer shows
 * a live instance's frame and drops it when the instance closes; on a server with a token the page
 * asks for it once and sends it. Screenshots go to
 * target/screenshots (docs/images holds copies for docs/dashboard.md).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserTest {
    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private RunsServer server;
    private RunsClient client;
    private WebDriver browser;

    @BeforeAll
    void start() {
        boolean present = CHROMIUM.canExecute() && CHROMEDRIVER.canExecute();
        String message = "chromium and chromedriver are not installed; install them with: apt-get install chromium chromium-driver";
        if (!present && System.getenv("CI") != null) {
            throw new AssertionError(message + " (CI requires the browser test)");
        }
        Assumptions.assumeTrue(present, message);
        server = new RunsServer();
        client = new RunsClient(server.url(), "");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM)
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1000", "--disable-gpu");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    private WebDriverWait waiting() {
        // The page redraws what it shows as the run goes on: an element read just before it is replaced is read again.
        WebDriverWait wait = new WebDriverWait(browser, PATIENCE, Duration.ofMillis(100));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    private static int points(WebElement chart) {
        String points = chart.getAttribute("data-points");
        return points == null ? 0 : Integer.parseInt(points);
    }

    private void screenshot(String name) throws Exception {
        Path dir = Files.createDirectories(Path.of(System.getProperty("jgym.screenshots.dir", "target/screenshots")));
        Files.write(dir.resolve(name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void aRunStartedOverHttpIsWatchedLiveStoppedAndResumedFromItsPage() throws Exception {
        String id = client.runCreate("q-learning", null, Map.of("episodes", 50_000_000, "checkpointEvery", 1_000_000),
                "watched", OptionalLong.of(1));
        browser.get(server.url() + "/");
        waiting().until(b -> points(b.findElement(By.id("overlay-chart"))) > 0);
        screenshot("dashboard-runs.png");

        waiting().until(b -> {
            b.findElement(By.cssSelector("tr[data-run='" + id + "'] a")).click(); // the list is redrawn every 2 s
            return true;
        });
        waiting().until(b -> b.findElements(By.cssSelector("#run-charts .chart")).size() == 4
                && b.findElements(By.cssSelector("#run-charts .chart")).stream().allMatch(c -> points(c) > 10));
        waiting().until(b -> "running".equals(b.findElement(By.cssSelector("#run-state [data-state]")).getAttribute("data-state")));
        screenshot("dashboard-run.png");

        waiting().until(b -> b.findElement(By.id("stop-button")).isEnabled());
        browser.findElement(By.id("stop-button")).click();
        waiting().until(b -> "stopped".equals(b.findElement(By.cssSelector("#run-state [data-state]")).getAttribute("data-state")));
        assertEquals("stopped", client.runStatus(id).get("state").asText());
        assertTrue(browser.findElement(By.id("resume-button")).isEnabled(), "a stopped run can be resumed from its page");
        waiting().until(b -> shown(b, "#run-gallery img[alt='learning-curve.png']"));

        browser.findElement(By.id("resume-button")).click();
        waiting().until(b -> "running".equals(b.findElement(By.cssSelector("#run-state [data-state]")).getAttribute("data-state")));
        client.runStop(id);
        assertEquals("stopped", client.runWait(id, PATIENCE).get("state").asText());
    }

    @Test
    void onAServerWithATokenThePageAsksForItAndSendsIt() {
        String token = "dashboard-token";
        try (RunsServer guarded = new RunsServer(token)) {
            browser.get(guarded.url() + "/");
            WebElement form = waiting().until(b -> b.findElement(By.id("token-form")));
            waiting().until(b -> form.isDisplayed());
            browser.findElement(By.id("token-input")).sendKeys(token);
            form.submit();
            waiting().until(b -> !form.isDisplayed() && !b.findElements(By.cssSelector("#runs-table th")).isEmpty());
            assertTrue(!browser.findElement(By.id("notice")).isDisplayed(), "no error is shown once the token is sent");
        }
    }

    @Test
    void theEnvironmentViewerShowsTheFramesOfLiveInstances() {
        try (GymClient gym = new GymClient(server.url(), "")) {
            String id = gym.envCreate("CartPole-v1", OptionalLong.of(0));
            gym.envReset(id);
            browser.get(server.url() + "/#/envs");
            waiting().until(b -> shown(b, "#env-frames figure[data-instance='" + id + "'] img"));
            gym.envClose(id);
            waiting().until(b -> b.findElements(By.cssSelector("#env-frames figure[data-instance='" + id + "']")).isEmpty());
        }
    }

    /** Whether the page shows a picture matching {@code css} that has loaded (it has a width). */
    private static boolean shown(WebDriver page, String css) {
        return page.findElements(By.cssSelector(css)).stream()
                .anyMatch(img -> Boolean.TRUE.equals(((JavascriptExecutor) page).executeScript(
                        "return arguments[0].complete && arguments[0].naturalWidth > 0", img)));
    }

    @Test
    void theStartFormFillsInThePresetAndStartsARun() throws Exception {
        browser.get(server.url() + "/#/new");
        waiting().until(b -> !b.findElements(By.cssSelector("#trainer-select option[value='q-learning']")).isEmpty());
        new Select(browser.findElement(By.id("trainer-select"))).selectByValue("q-learning");
        WebElement episodes = waiting().until(b -> b.findElement(By.cssSelector("#settings-form [name='episodes']")));
        assertEquals("5000", episodes.getAttribute("value"), "the preset's value is filled in");
        assertEquals("FrozenLake-v1", browser.findElement(By.cssSelector("#settings-form [name='env']")).getAttribute("value"));
        episodes.clear();
        episodes.sendKeys("300");
        browser.findElement(By.id("run-name")).sendKeys("from-the-form");
        screenshot("dashboard-start.png");
        browser.findElement(By.id("start-button")).click();
        waiting().until(b -> "finished".equals(b.findElement(By.cssSelector("#run-state [data-state]")).getAttribute("data-state")));
        assertEquals(300, client.runStatus("from-the-form").get("episodes").asInt());
        assertEquals(300, client.runStatus("from-the-form").at("/config/episodes").asInt(), "only the changed value was sent");
    }
}
