package org.mnistlab.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Users, their BCrypt password hashes and roles, and personal API tokens (only their SHA-256 hash is
 * stored: a token is random enough that a slow hash adds nothing, and lookup stays one indexed query).
 */
@Service
public class UserService implements UserDetailsService {

    public static final String ADMIN = "admin";
    static final int MIN_PASSWORD = 8;
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final String TOKEN_PREFIX = "mnl_";

    private final UserStore store;
    private final PasswordEncoder encoder = new BCryptPasswordEncoder();
    private final SecureRandom random = new SecureRandom();

    public UserService(UserStore store) {
        this.store = store;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        UserStore.Credentials c = store.credentials(username)
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
        return User.withUsername(c.username()).password(c.passwordHash()).authorities(c.role().authorities()).build();
    }

    public PasswordEncoder passwordEncoder() {
        return encoder;
    }

    public List<AppUser> users() {
        return store.all();
    }

    public Optional<Role> role(String username) {
        return store.credentials(username).map(UserStore.Credentials::role);
    }

    /** @throws IllegalArgumentException with a message for the user when the name or password is unusable */
    public void create(String username, String password, Role role) {
        String name = username == null ? "" : username.strip();
        if (!USERNAME.matcher(name).matches()) {
            throw new IllegalArgumentException("A user name has 1 to 64 letters, digits, dots, dashes or underscores");
        }
        checkPassword(password);
        if (!store.insert(name, encoder.encode(password), role, Instant.now())) {
            throw new IllegalArgumentException("User " + name + " already exists");
        }
    }

    public void setPassword(String username, String password) {
        checkPassword(password);
        if (!store.updatePassword(username, encoder.encode(password))) {
            throw new IllegalArgumentException("User " + username + " does not exist");
        }
    }

    public void setRole(String username, Role role) {
        if (role != Role.ADMIN && isLastAdmin(username)) {
            throw new IllegalArgumentException("The last admin keeps the admin role");
        }
        store.updateRole(username, role);
    }

    public void delete(String username) {
        if (isLastAdmin(username)) {
            throw new IllegalArgumentException("The last admin cannot be deleted");
        }
        store.delete(username);
    }

    private boolean isLastAdmin(String username) {
        return role(username).orElse(null) == Role.ADMIN && store.countAdmins() <= 1;
    }

    private static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD) {
            throw new IllegalArgumentException("A password needs at least " + MIN_PASSWORD + " characters");
        }
    }

    /**
     * Makes sure an admin can log in: sets the admin's password when one is configured, and on a first start
     * without users creates the admin. Returns the random password it generated, to be shown once.
     */
    public Optional<String> ensureAdmin(String configuredPassword) {
        boolean configured = configuredPassword != null && !configuredPassword.isBlank();
        if (configured && store.credentials(ADMIN).isPresent()) {
            setPassword(ADMIN, configuredPassword);
            return Optional.empty();
        }
        if (store.count() > 0) {
            return Optional.empty();
        }
        String password = configured ? configuredPassword : randomSecret(18);
        create(ADMIN, password, Role.ADMIN);
        return configured ? Optional.empty() : Optional.of(password);
    }

    /** Creates a personal API token and returns its secret, which is stored only as a hash. */
    public String createToken(String username, String label) {
        String name = label == null || label.isBlank() ? "token" : label.strip();
        if (name.length() > 100) {
            throw new IllegalArgumentException("A token label has at most 100 characters");
        }
        String token = TOKEN_PREFIX + randomSecret(32);
        store.insertToken(username, hash(token), name, Instant.now());
        return token;
    }

    public List<ApiTokenInfo> tokens(String username) {
        return store.tokens(username);
    }

    public void deleteToken(String username, long id) {
        store.deleteToken(username, id);
    }

    /** The user a bearer token belongs to, with their current role; empty for an unknown token. */
    public Optional<UserDetails> userForToken(String token) {
        if (token == null || !token.startsWith(TOKEN_PREFIX)) {
            return Optional.empty();
        }
        return store.tokenOwner(hash(token)).flatMap(u -> {
            try {
                return Optional.of(loadUserByUsername(u));
            } catch (UsernameNotFoundException e) {
                return Optional.empty();
            }
        });
    }

    private String randomSecret(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
