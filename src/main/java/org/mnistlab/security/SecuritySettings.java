package org.mnistlab.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param adminPassword   the admin's password, set at each start when given (env MNISTLAB_ADMIN_PASSWORD);
 *                        blank: the first start creates the admin with a random password printed once
 * @param anonymousViewer whether visitors who have not logged in get the viewer role (a public demo)
 */
@ConfigurationProperties("mnistlab.security")
public record SecuritySettings(String adminPassword, @DefaultValue("false") boolean anonymousViewer) {
}
