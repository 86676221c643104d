package se.stegvis.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import se.stegvis.events.Gender;
import se.stegvis.testing.UpstreamEvents;

/**
 * The dashboard in a real browser: Debian's chromium, driven by its chromedriver (both given by path, so Selenium
 * never looks for or downloads one). Skipped where they are not installed, unless STEGVIS_BROWSER_TESTS=required, as
 * .ci/run sets after installing them: there a missing browser is a failure.
 */
class DashboardBrowserIT {

    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private static RunningReportingService service;
    private static UpstreamEvents topics;
    private static WebDriver browser;

    @BeforeAll
    static void start() {
        boolean installed = Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM);
        String missing = "needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)";
        if ("required".equals(System.getenv("STEGVIS_BROWSER_TESTS"))) {
            assertThat(installed).as(missing).isTrue();
        }
        assumeTrue(installed, missing);
        service = RunningReportingService.start();
        topics = service.upstream();
        ChromeDriverService driver = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions().setBinary(new File(CHROMIUM.toString()))
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1600");
        browser = new ChromeDriver(driver, options);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (service != null) {
            service.close();
        }
    }

    private static String newProject(String tag) {
        return "99-" + UUID.randomUUID().toString().substring(0, 6) + "-" + tag;
    }

    private static String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    private static WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @Test
    void an_outcome_recorded_while_the_page_is_open_changes_its_figure_without_a_reload() {
        String project = newProject("WEB");
        String small = newProject("SML");
        List<UUID> participants = new ArrayList<>();
        topics.publish(InventedEvents.project(project, "Webbprojekt"), InventedEvents.project(small, "Litet projekt"));
        for (int i = 0; i < 6; i++) {
            participants.add(UUID.randomUUID());
            topics.publish(InventedEvents.enrolled(project, participants.get(i), i % 2 == 0 ? Gender.WOMAN : Gender.MAN, 30));
        }
        topics.publish(InventedEvents.enrolled(small, UUID.randomUUID(), Gender.WOMAN, 40),
                InventedEvents.enrolled(small, UUID.randomUUID(), Gender.MAN, 40));
        String card = "[data-project-id='" + project + "']";
        String target = card + " [data-target='work-or-studies'] .actual";

        browser.get(service.baseUrl() + "/");
        waiting().until(ExpectedConditions.textToBe(By.cssSelector(card + " .participants .actual"), "6"));
        waiting().until(ExpectedConditions.attributeToBe(By.id("connection"), "data-state", "live"));
        assertThat(text(target)).isEqualTo("0");
        ((JavascriptExecutor) browser).executeScript("window.stillTheSamePage = true;");

        topics.publish(InventedEvents.employed(project, participants.get(0)));

        waiting().until(ExpectedConditions.textToBe(By.cssSelector(target), "1"));
        assertThat(((JavascriptExecutor) browser).executeScript("return window.stillTheSamePage === true;"))
                .as("the figure changed without a reload").isEqualTo(true);
        assertThat(browser.findElement(By.cssSelector(card + " [data-target='work-or-studies'] progress")).getAttribute("aria-label"))
                .isEqualTo("work-or-studies: 1 of 20");
        assertThat(text(card + " [data-target='work-or-studies'] .balance tr[data-gender='WOMAN']")).contains("50 %", "100 %");
        assertThat(text("#updated")).matches("updated \\d\\d:\\d\\d:\\d\\d.*");
    }

    @Test
    void the_consolidated_table_withholds_a_small_count_as_below_five() {
        String project = newProject("BIG");
        String small = newProject("SMA");
        topics.publish(InventedEvents.project(project, "Stort projekt"), InventedEvents.project(small, "Litet projekt"));
        for (int i = 0; i < 7; i++) {
            topics.publish(InventedEvents.enrolled(project, UUID.randomUUID(), Gender.WOMAN, 30));
        }
        topics.publish(InventedEvents.enrolled(small, UUID.randomUUID(), Gender.MAN, 30));
        String cell = "#consolidated td[data-code='participants'][data-project='%s']";

        browser.get(service.baseUrl() + "/");

        waiting().until(ExpectedConditions.textToBe(By.cssSelector(String.format(cell, project)), "7"));
        assertThat(text(String.format(cell, small))).isEqualTo("<5");
        assertThat(text("#suppression-note")).startsWith("<5 means withheld");
        assertThat(browser.findElements(By.cssSelector("#consolidated thead th[data-project='" + small + "']"))).hasSize(1);
    }

    @Test
    void on_a_phone_the_page_fits_the_screen_and_only_the_tables_scroll_sideways() throws Exception {
        String project = newProject("PHN");
        topics.publish(InventedEvents.project(project, "Projekt i mobilen"));
        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            browser.get(service.baseUrl() + "/");
            waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-project-id='" + project + "'] .targets")));

            Object overflow = ((JavascriptExecutor) browser).executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(((Number) overflow).intValue()).as("no sideways scrolling of the page").isLessThanOrEqualTo(0);
            Files.write(Path.of("target", "dashboard-phone.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 1600));
        }
    }
}
