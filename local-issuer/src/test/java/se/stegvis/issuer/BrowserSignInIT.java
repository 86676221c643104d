package se.stegvis.issuer;

import static org.assertj.core.api.Assertions.assertThat;
import static se.stegvis.issuer.IssuerHttp.form;
import static se.stegvis.issuer.IssuerHttp.json;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.ParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's path, step by step as a browser takes it: authorize with PKCE, the login form, the redirect with a
 * code, and the code exchanged by the dashboard's JavaScript with its verifier and no secret; and the CORS that lets
 * that JavaScript call the token endpoint from the dashboard's origin only.
 */
class BrowserSignInIT {

    private static final String DASHBOARD = "http://localhost:8090";
    private static final String REDIRECT_URI = DASHBOARD + "/";

    private static RunningIssuer issuer;

    @BeforeAll
    static void start() {
        issuer = RunningIssuer.start();
    }

    @AfterAll
    static void stop() {
        issuer.close();
    }

    @Test
    void malmo_owner_signs_in_and_the_dashboard_exchanges_the_code_with_its_verifier() throws ParseException {
        IssuerHttp browser = browser();
        String verifier = verifier();

        String code = signIn(browser, verifier, "malmo-owner");
        HttpResponse<String> exchange = exchange(code, verifier);

        assertThat(exchange.statusCode()).as(exchange.body()).isEqualTo(200);
        JWTClaimsSet claims = SignedTokens.verifiedClaims(json(exchange).path("access_token").asString(),
                browser.get("/oauth2/jwks").body());
        assertThat(claims.getSubject()).isEqualTo("malmo-owner");
        assertThat(claims.getIssuer()).isEqualTo("http://localhost:8094");
        assertThat(claims.getAudience()).contains("stegvis");
        assertThat(claims.getStringListClaim("roles")).isEmpty();
        assertThat(json(exchange).path("id_token").isMissingNode()).as("openid was asked for").isFalse();
    }

    @Test
    void a_code_exchanged_with_another_verifier_or_none_gets_no_token() {
        IssuerHttp browser = browser();
        String code = signIn(browser, verifier(), "malmo-owner");

        HttpResponse<String> wrongVerifier = exchange(code, verifier());
        HttpResponse<String> noVerifier = IssuerHttp.to(issuer.baseUrl()).postForm("/oauth2/token", form(
                "grant_type", "authorization_code", "code", code, "redirect_uri", REDIRECT_URI,
                "client_id", DemoClients.DASHBOARD));

        assertThat(wrongVerifier.statusCode()).isEqualTo(400);
        assertThat(json(wrongVerifier).path("error").asString()).isEqualTo("invalid_grant");
        assertThat(wrongVerifier.body()).doesNotContain("access_token");
        assertThat(noVerifier.statusCode()).isIn(400, 401);
        assertThat(noVerifier.body()).doesNotContain("access_token");
    }

    @Test
    void the_dashboard_may_not_sign_in_without_pkce() {
        HttpResponse<String> authorize = browser().get("/oauth2/authorize?" + IssuerHttp.encode(form(
                "response_type", "code", "client_id", DemoClients.DASHBOARD, "redirect_uri", REDIRECT_URI,
                "scope", "openid", "state", "s1")), "Accept", "text/html");

        // Refused back to the client (or with a 400): either way no code is handed out.
        String location = authorize.headers().firstValue("Location").orElse("");
        assertThat(location).doesNotContain("code=").doesNotEndWith("/login");
        assertThat(authorize.statusCode() == 400 || location.contains("error=invalid_request")).isTrue();
    }

    @Test
    void the_token_endpoint_answers_a_preflight_from_the_dashboard_origin_and_no_other() {
        IssuerHttp http = IssuerHttp.to(issuer.baseUrl());

        HttpResponse<String> dashboard = http.options("/oauth2/token", "Origin", DASHBOARD,
                "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "content-type");
        HttpResponse<String> elsewhere = http.options("/oauth2/token", "Origin", "http://elsewhere.example",
                "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "content-type");
        HttpResponse<String> keys = http.get("/oauth2/jwks", "Origin", DASHBOARD);

        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.headers().firstValue("Access-Control-Allow-Origin")).hasValue(DASHBOARD);
        assertThat(elsewhere.statusCode()).isEqualTo(403);
        assertThat(elsewhere.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(keys.headers().firstValue("Access-Control-Allow-Origin")).hasValue(DASHBOARD);
    }

    /** Authorize, be sent to the login form, post it with its CSRF token, and follow on to the redirect's code. */
    private static String signIn(IssuerHttp browser, String verifier, String user) {
        HttpResponse<String> authorize = browser.get("/oauth2/authorize?" + IssuerHttp.encode(form(
                "response_type", "code", "client_id", DemoClients.DASHBOARD, "redirect_uri", REDIRECT_URI,
                "scope", "openid", "state", "s1", "code_challenge", challenge(verifier),
                "code_challenge_method", "S256")), "Accept", "text/html");
        assertThat(authorize.statusCode()).as(authorize.body()).isEqualTo(302);
        String login = location(authorize);
        assertThat(URI.create(login).getPath()).isEqualTo("/login");

        HttpResponse<String> loginPage = browser.get(login, "Accept", "text/html");
        assertThat(loginPage.statusCode()).isEqualTo(200);
        HttpResponse<String> signedIn = browser.postForm("/login", form("username", user, "password", "demo",
                "_csrf", csrfToken(loginPage.body())), "Accept", "text/html");
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
        assertThat(location(signedIn)).contains("/oauth2/authorize");

        HttpResponse<String> authorized = browser.get(location(signedIn), "Accept", "text/html");
        assertThat(authorized.statusCode()).as(authorized.body()).isEqualTo(302);
        URI redirect = URI.create(location(authorized));
        assertThat(redirect.getScheme() + "://" + redirect.getAuthority() + redirect.getPath()).isEqualTo(REDIRECT_URI);
        Map<String, String> query = query(redirect);
        assertThat(query).containsEntry("state", "s1").containsKey("code");
        return query.get("code");
    }

    /** The dashboard's JavaScript: the code and its verifier, no secret, no cookie. */
    private static HttpResponse<String> exchange(String code, String verifier) {
        return IssuerHttp.to(issuer.baseUrl()).postForm("/oauth2/token", form("grant_type", "authorization_code",
                "code", code, "redirect_uri", REDIRECT_URI, "client_id", DemoClients.DASHBOARD,
                "code_verifier", verifier), "Origin", DASHBOARD);
    }

    private static IssuerHttp browser() {
        return new IssuerHttp(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL)).build(), issuer.baseUrl());
    }

    private static String location(HttpResponse<String> response) {
        String location = response.headers().firstValue("Location").orElseThrow();
        return response.uri().resolve(location).toString();
    }

    private static String csrfToken(String loginPage) {
        Matcher token = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(loginPage);
        assertThat(token.find()).as("a CSRF token in the login form").isTrue();
        return token.group(1);
    }

    private static Map<String, String> query(URI uri) {
        return Arrays.stream(uri.getRawQuery().split("&")).map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0], pair -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
    }

    private static String verifier() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
