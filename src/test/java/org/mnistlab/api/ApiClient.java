package org.mnistlab.api;

import jakarta.servlet.Filter;
import org.mnistlab.security.Role;
import org.mnistlab.security.UserService;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Calls the API of the shared test context through its real filter chains (MockMvc), and makes users with
 * tokens. Users stay in the test database between runs, so they are created once.
 */
public final class ApiClient {

    private ApiClient() {
    }

    public static MockMvc mvc(ApplicationContext context) {
        return MockMvcBuilders.webAppContextSetup((WebApplicationContext) context)
                .addFilters(context.getBean("springSecurityFilterChain", Filter.class))
                .build();
    }

    /** A new token of the user, who is created with this role when missing. */
    public static String tokenOf(UserService users, String name, Role role) {
        if (users.role(name).isEmpty()) {
            users.create(name, "password-of-" + name, role);
        } else {
            users.setRole(name, role);
        }
        return users.createToken(name, "test");
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }
}
