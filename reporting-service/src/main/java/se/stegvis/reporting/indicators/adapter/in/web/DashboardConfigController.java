package se.stegvis.reporting.indicators.adapter.in.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the dashboard page needs to sign in, open to all: the issuer this service trusts (whose tokens it takes) and
 * the public client the page signs in as. No secret: the page is a public client and proves itself with PKCE.
 */
@RestController
class DashboardConfigController {

    record DashboardConfig(String issuer, String clientId) {
    }

    private final DashboardConfig config;

    DashboardConfigController(@Value("${stegvis.dashboard.issuer:${spring.security.oauth2.resourceserver.jwt.issuer-uri}}") String issuer,
            @Value("${stegvis.dashboard.client-id:stegvis-dashboard}") String clientId) {
        this.config = new DashboardConfig(issuer, clientId);
    }

    @GetMapping("/dashboard-config.json")
    ResponseEntity<DashboardConfig> config() {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(config);
    }
}
