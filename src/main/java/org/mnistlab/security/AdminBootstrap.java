package org.mnistlab.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/** At server start: an admin exists, and a generated password is printed once (like Jupyter's token). */
@Component
@ConditionalOnWebApplication
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final UserService users;
    private final SecuritySettings settings;

    AdminBootstrap(UserService users, SecuritySettings settings) {
        this.users = users;
        this.settings = settings;
    }

    @Override
    public void run(ApplicationArguments args) {
        users.ensureAdmin(settings.adminPassword()).ifPresent(password -> log.warn("""

                First start: created the user '{}' with the password  {}
                Log in and change it on the Users page; this password is not shown again.
                (Set MNISTLAB_ADMIN_PASSWORD to choose it instead.)
                """, UserService.ADMIN, password));
    }
}
