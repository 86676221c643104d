package se.stegvis.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import se.stegvis.events.Gender;
import se.stegvis.issuer.LocalIssuerApplication;
import se.stegvis.testing.Http;
import se.stegvis.testing.SharedRegistry;
import se.stegvis.testing.UpstreamEvents;
import se.stegvis.testsupport.FreePort;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard in a real browser, signing in for real: Debian's chromium, driven by its chromedriver (both given by
 * path, so Selenium never looks for or downloads one), against reporting-service trusting the local issuer, both on
 * free ports in this JVM. Skipped where the browser is not installed, unless STEGVIS_BROWSER_TESTS=required, as
 * .ci/run sets after installing it: there a missing browser is a failure.
 *
 * <p>Every test signs in afresh (the issuer's session cookie deleted first), since the page keeps its token in
 * memory only and each load starts signed out.
 */
class DashboardBrowserIT {

    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private static final String UTVAG = "23-073-S03";
    private static final String GOTEBORG = "23-069-S06";
    private static final String OWNER = "malmo-owner";
    private static final int UTVAG_PARTICIPANTS = 6;

    private static ConfigurableApplicationContext issuer;
    private static String issuerUrl;
    private static RunningReportingService service;
    private static UpstreamEvents topics;
    private static ProjectionGate gate;
    private static Path profile;
    private static WebDriver browser;

    @BeforeAll
    static void start() throws IOException {
        boolean installed = Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM);
        String missing = "needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)";
        if ("required".equals(System.getenv("STEGVIS_BROWSER_TESTS"))) {
            assertThat(installed).as(missing).isTrue();
        }
        assumeTrue(installed, missing);

        int issuerPort = FreePort.find();
        issuerUrl = "http://localhost:" + issuerPort;
        // Each test's page load opens a stream that the server lets go at its next write: room for them all.
        service = RunningReportingService.trusting(issuerUrl, "--stegvis.stream.max-per-identity=16");
        issuer = startIssuer(issuerPort, service.baseUrl());
        topics = service.upstream();
        gate = ProjectionGate.on(service);
        publishTheProjects();

        profile = Files.createTempDirectory("dashboard-chromium");
        ChromeDriverService driver = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions().setBinary(new File(CHROMIUM.toString()))
                .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1280,1600");
        browser = new ChromeDriver(driver, options);
    }

    /**
     * The local issuer as the local stack runs it, with the dashboard's address as its redirect URI and CORS origin.
     * In this JVM it reads reporting-service's application.yml from the class path, not its own: hence every setting
     * of its own given here, its ports, and none of reporting's health groups, Mongo or consumers.
     */
    private static ConfigurableApplicationContext startIssuer(int port, String dashboard) {
        return new SpringApplicationBuilder(LocalIssuerApplication.class).run(
                "--server.port=" + port,
                "--management.server.port=0",
                "--management.endpoint.health.validate-group-membership=false",
                "--management.health.mongodb.enabled=false",
                "--spring.autoconfigure.exclude=org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration,"
                        + "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration,"
                        + String.join(",", SharedRegistry.SERVICE_CONSUMERS),
                "--spring.application.name=local-issuer",
                "--stegvis.issuer.url=http://localhost:" + port,
                "--stegvis.issuer.audience=stegvis",
                "--stegvis.issuer.access-token-lifetime=15m",
                "--stegvis.issuer.dashboard-redirect-uris=" + dashboard + "/",
                "--stegvis.issuer.allowed-origins=" + dashboard);
    }

    /** Utväg II with malmo-owner as its OWNER, Göteborg's project with other staff; waits until the service knows. */
    private static void publishTheProjects() {
        topics.publish(InventedEvents.project(UTVAG, "Utväg II"), InventedEvents.project(GOTEBORG, "Göteborg"));
        for (int i = 0; i < UTVAG_PARTICIPANTS; i++) {
            topics.publish(InventedEvents.enrolled(UTVAG, UUID.randomUUID(), Gender.WOMAN, 30));
        }
        for (int i = 0; i < 7; i++) {
            topics.publish(InventedEvents.enrolled(GOTEBORG, UUID.randomUUID(), Gender.WOMAN, 40));
        }
        service.grant(GOTEBORG, "goteborg-staff", "STAFF");
        Http.Reply utvag = grantToOwner(UTVAG, "OWNER", UTVAG_PARTICIPANTS);
        assertThat(utvag.json().path("participants").asInt()).isEqualTo(UTVAG_PARTICIPANTS);
        assertThat(service.http().withToken(clientCredentialsToken(OWNER)).get("/api/projects/" + GOTEBORG + "/indicators")
                .status()).as("not malmo-owner's project").isEqualTo(403);
    }

    /**
     * Makes malmo-owner STAFF or OWNER of the project and waits until the service knows it (and has counted that many
     * participants): a page that asked before would rightly get a 403 and show no card.
     */
    private static Http.Reply grantToOwner(String projectId, String role, int participants) {
        service.grant(projectId, OWNER, role);
        Http owner = service.http().withToken(clientCredentialsToken(OWNER));
        Instant deadline = Instant.now().plusSeconds(60);
        Http.Reply figures = owner.get("/api/projects/" + projectId + "/indicators");
        while (!(figures.status() == 200 && figures.json().path("participants").asInt() == participants)
                && Instant.now().isBefore(deadline)) {
            sleep(200);
            figures = owner.get("/api/projects/" + projectId + "/indicators");
        }
        assertThat(figures.status()).as(figures.body()).isEqualTo(200);
        return figures;
    }

    /** The same identity as the user (the demo client of that name), without a browser: to see what the service knows. */
    private static String clientCredentialsToken(String identity) {
        String basic = Base64.getEncoder().encodeToString((identity + ":demo").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(issuerUrl + "/oauth2/token"))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JsonMapper.builder().build().readTree(response.body()).path("access_token").asString();
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stop() throws IOException {
        if (gate != null) {
            gate.release();
        }
        if (browser != null) {
            browser.quit();
        }
        if (service != null) {
            service.close();
        }
        if (issuer != null) {
            issuer.close();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    private static String newProject(String tag) {
        return "99-" + UUID.randomUUID().toString().substring(0, 6) + "-" + tag;
    }

    private static String text(String css) {
        return waiting().until(ignored -> browser.findElement(By.cssSelector(css)).getText());
    }

    private static boolean shown(String css) {
        return browser.findElements(By.cssSelector(css)).stream().anyMatch(element -> element.isDisplayed());
    }

    private static Object script(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    private static WebDriverWait waiting() {
        // A card is drawn again whenever its figures come in: an element found just before may be gone.
        return (WebDriverWait) new WebDriverWait(browser, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class);
    }

    /** The dashboard, signed out: no token in this fresh page, and no session at the issuer (its cookie deleted). */
    private static void openSignedOut() {
        browser.get(service.baseUrl() + "/");
        browser.manage().deleteAllCookies(); // localhost's cookies are the issuer's too: ports do not separate cookies
        browser.get(service.baseUrl() + "/");
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in")));
    }

    /** Sign in, the form filled at the issuer, back on the dashboard. */
    private static void signInAs(String user) {
        browser.findElement(By.id("sign-in")).click();
        waiting().until(ExpectedConditions.urlContains(issuerUrl + "/login"));
        browser.findElement(By.name("username")).sendKeys(user);
        browser.findElement(By.name("password")).sendKeys("demo");
        browser.findElement(By.cssSelector("button[type='submit']")).click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-out")));
    }

    private static void openSignedInAs(String user) {
        openSignedOut();
        signInAs(user);
    }

    @Test
    void signed_out_it_leads_to_the_issuer_and_signed_in_it_shows_what_the_rules_allow_and_stays_live() {
        openSignedOut();
        assertThat(shown("#figures")).as("no figures before signing in").isFalse();
        assertThat(browser.findElement(By.id("connection")).getAttribute("data-state")).isEqualTo("signed-out");

        browser.findElement(By.id("sign-in")).click();
        waiting().until(ExpectedConditions.urlContains(issuerUrl + "/login"));
        assertThat(browser.findElements(By.name("password"))).as("the issuer's sign-in form").hasSize(1);
        browser.findElement(By.name("username")).sendKeys(OWNER);
        browser.findElement(By.name("password")).sendKeys("demo");
        browser.findElement(By.cssSelector("button[type='submit']")).click();

        String utvag = "[data-project-id='" + UTVAG + "']";
        String goteborg = "[data-project-id='" + GOTEBORG + "']";
        String cell = "#consolidated td[data-code='participants'][data-project='%s']";
        waiting().until(ExpectedConditions.textToBe(By.cssSelector(utvag + " .participants .actual"), "6"));
        waiting().until(ExpectedConditions.attributeToBe(By.id("connection"), "data-state", "live"));
        assertThat(browser.getCurrentUrl()).as("no code or state left in the address").isEqualTo(service.baseUrl() + "/");
        assertThat(script("return sessionStorage.length;")).as("the verifier and state are gone").isEqualTo(0L);
        assertThat(text("#who")).isEqualTo("Signed in as " + OWNER);
        assertThat(text(utvag + " h3")).isEqualTo("Utväg II");
        assertThat(text(String.format(cell, UTVAG))).isEqualTo("6");
        assertThat(browser.findElements(By.cssSelector("#consolidated thead th[data-project='" + GOTEBORG + "']")))
                .as("Göteborg in the cross-project table").hasSize(1);
        assertThat(browser.findElements(By.cssSelector(goteborg))).as("no exact card for a project malmo-owner is not in").isEmpty();
        assertThat(shown("#message")).isFalse();

        topics.publish(InventedEvents.enrolled(UTVAG, UUID.randomUUID(), Gender.WOMAN, 50));

        waiting().until(ExpectedConditions.textToBe(By.cssSelector(utvag + " .participants .actual"), "7"));
        waiting().until(ExpectedConditions.textToBe(By.cssSelector(String.format(cell, UTVAG)), "7"));
        assertThat(browser.findElements(By.cssSelector(goteborg))).isEmpty();

        browser.findElement(By.id("sign-out")).click();
        assertThat(shown("#figures")).isFalse();
        assertThat(browser.findElements(By.cssSelector(utvag))).as("the figures are forgotten with the token").isEmpty();
        assertThat(shown("#sign-in")).isTrue();
    }

    @Test
    void a_caller_who_is_no_member_of_any_project_is_told_so_and_sees_no_figures() {
        openSignedInAs("ostra-staff");

        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("message")));
        assertThat(text("#message")).contains("not a member of any project");
        assertThat(shown("#figures")).isFalse();
        assertThat(browser.findElement(By.id("connection")).getAttribute("data-state")).isEqualTo("refused");
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
        grantToOwner(project, "STAFF", 6);
        String card = "[data-project-id='" + project + "']";
        String target = card + " [data-target='work-or-studies'] .actual";

        openSignedInAs(OWNER);
        waiting().until(ExpectedConditions.textToBe(By.cssSelector(card + " .participants .actual"), "6"));
        waiting().until(ExpectedConditions.attributeToBe(By.id("connection"), "data-state", "live"));
        assertThat(text(target)).isEqualTo("0");
        script("window.stillTheSamePage = true;");

        topics.publish(InventedEvents.employed(project, participants.get(0)));

        waiting().until(ExpectedConditions.textToBe(By.cssSelector(target), "1"));
        assertThat(script("return window.stillTheSamePage === true;")).as("the figure changed without a reload").isEqualTo(true);
        waiting().until(ExpectedConditions.attributeToBe(By.cssSelector(card + " [data-target='work-or-studies'] progress"),
                "aria-label", "work-or-studies: 1 of 20"));
        String women = card + " [data-target='work-or-studies'] .balance tr[data-gender='WOMAN']";
        waiting().until(ignored -> text(women).contains("50 %") && text(women).contains("100 %"));
        assertThat(text("#updated")).matches("updated \\d\\d:\\d\\d:\\d\\d.*");
        assertThat(browser.findElements(By.cssSelector("[data-project-id='" + small + "']"))).as("not malmo-owner's").isEmpty();
    }

    /**
     * The invented participants were enrolled on 3 February 2025 and employed on 1 August: the page shows the figures
     * of a day chosen, not live, and today's again, live, at the button.
     */
    @Test
    void an_earlier_day_chosen_shows_that_days_figures_until_today_is_chosen_again() {
        String project = newProject("DAY");
        UUID participant = UUID.randomUUID();
        topics.publish(InventedEvents.project(project, "Dagens projekt"), InventedEvents.enrolled(project, participant, Gender.WOMAN, 30),
                InventedEvents.employed(project, participant));
        grantToOwner(project, "STAFF", 1);
        String card = "[data-project-id='" + project + "']";
        String target = card + " [data-target='work-or-studies'] .actual";
        openSignedInAs(OWNER);
        waiting().until(ExpectedConditions.textToBe(By.cssSelector(target), "1"));
        waiting().until(ExpectedConditions.attributeToBe(By.id("connection"), "data-state", "live"));

        script("const day = document.getElementById('as-of'); day.value = '2025-07-31'; day.dispatchEvent(new Event('change'));");

        waiting().until(ExpectedConditions.textToBe(By.cssSelector(target), "0"));
        assertThat(text(card + " .participants .actual")).isEqualTo("1");
        assertThat(browser.findElement(By.id("connection")).getAttribute("data-state")).isEqualTo("paused");
        assertThat(text("#updated")).contains("figures of 2025-07-31");

        browser.findElement(By.id("live")).click();

        waiting().until(ExpectedConditions.textToBe(By.cssSelector(target), "1"));
        waiting().until(ExpectedConditions.attributeToBe(By.id("connection"), "data-state", "live"));
        assertThat(text("#updated")).contains("(today, live)");
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

        openSignedInAs(OWNER);

        waiting().until(ExpectedConditions.textToBe(By.cssSelector(String.format(cell, project)), "7"));
        assertThat(text(String.format(cell, small))).isEqualTo("<5");
        assertThat(text("#suppression-note")).startsWith("<5 means withheld");
        assertThat(browser.findElements(By.cssSelector("#consolidated thead th[data-project='" + small + "']"))).hasSize(1);
    }

    /**
     * A rebuild asked for while the page is open: the figures are about to fall to zero and climb, so the page says
     * so in a banner, without a reload, and the banner goes once the figures are final again. The projection is held
     * in a batch first, so the banner can only have come from the stream's change of currency, not from figures, and
     * stays up long enough to be read.
     */
    @Test
    void a_rebuild_while_the_page_is_open_shows_a_banner_until_the_figures_are_final_again() {
        String project = newProject("RBD");
        topics.publish(InventedEvents.project(project, "Ombyggt projekt"),
                InventedEvents.enrolled(project, UUID.randomUUID(), Gender.MAN, 35));
        grantToOwner(project, "OWNER", 1);
        String card = "[data-project-id='" + project + "']";

        openSignedInAs(OWNER);
        waiting().until(ExpectedConditions.textToBe(By.cssSelector(card + " .participants .actual"), "1"));
        waiting().until(ExpectedConditions.attributeToBe(By.id("connection"), "data-state", "live"));
        waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id("currency")));
        WebElement banner = browser.findElement(By.id("currency"));
        assertThat(banner.getAttribute("role")).isEqualTo("status");
        assertThat(banner.getAttribute("aria-live")).isEqualTo("polite");
        script("window.stillTheSamePage = true;");

        gate.hold();
        try {
            topics.publish(InventedEvents.enrolled(project, UUID.randomUUID(), Gender.WOMAN, 35));
            waiting().until(ignored -> gate.holding());
            HttpResponse<String> rebuild = send(HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/admin/rebuild"))
                    .header("Authorization", "Bearer " + clientCredentialsToken("admin"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build());
            assertThat(rebuild.statusCode()).as(rebuild.body()).isEqualTo(202);

            waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("currency")));
            assertThat(text("#currency")).startsWith("Rebuilding: ").contains("not final");
            assertThat(browser.findElement(By.id("currency")).getAttribute("data-state")).isEqualTo("REBUILDING");
            assertThat(text("#updated")).endsWith("not final");
        } finally {
            gate.release();
        }

        waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id("currency")));
        waiting().until(ExpectedConditions.textToBe(By.cssSelector(card + " .participants .actual"), "2"));
        assertThat(script("return window.stillTheSamePage === true;")).as("came and went without a reload").isEqualTo(true);
        assertThat(text("#updated")).doesNotContain("not final");
    }

    @Test
    void on_a_phone_the_page_fits_the_screen_and_only_the_tables_scroll_sideways() throws Exception {
        String project = newProject("PHN");
        topics.publish(InventedEvents.project(project, "Projekt i mobilen"));
        grantToOwner(project, "OWNER", 0);
        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            openSignedInAs(OWNER);
            waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-project-id='" + project + "'] .targets")));

            Object overflow = script("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(((Number) overflow).intValue()).as("no sideways scrolling of the page").isLessThanOrEqualTo(0);
            Files.write(Path.of("target", "dashboard-phone.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 1600));
        }
    }
}
