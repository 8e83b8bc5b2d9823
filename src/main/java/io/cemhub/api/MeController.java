package io.cemhub.api;

import io.cemhub.security.Callers;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.view.RedirectView;

import java.util.List;

/** Who is logged in, and where a person lands after the login form: customers the portal, staff the dashboard. */
@RestController
@Tag(name = "Me", description = "The caller: name, roles, customer")
public class MeController {

    /** The caller as the pages need it; {@code home} is the page for this caller (/portal/ or /ui/). */
    public record Me(String user, List<String> roles, String customerId, String home) {
    }

    @GetMapping("/api/v1/me")
    @Operation(summary = "The logged-in caller: name, roles, its customer (CUSTOMER only) and its home page")
    public Me me(Authentication who) {
        List<String> roles = who.getAuthorities().stream().map(a -> a.getAuthority())
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).sorted().toList();
        return new Me(who.getName(), roles, Callers.customerId(who).orElse(null), home(who));
    }

    /** The landing page after login (the login form's default target). */
    @Hidden
    @GetMapping("/")
    public RedirectView landing(Authentication who) {
        RedirectView view = new RedirectView(home(who), true);
        view.setHttp10Compatible(false); // 303, not 302
        return view;
    }

    static String home(Authentication who) {
        return Callers.customerOnly(who) ? "/portal/" : "/ui/";
    }
}
