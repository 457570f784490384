package org.mnistlab.base;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Serves the app's first page, and the script it starts with, to the app itself before it reports ready: the
 * first request after a start otherwise pays about a second for the server's own start-up (Vaadin's bootstrap,
 * the view's classes, the security chain), and that request is a person's first look at the app. Start-up takes
 * that second instead. It asks for {@code /} as a browser would (a public demo renders the explorer, otherwise
 * the login page), then the pages features name ({@link WarmUpPages}); a failure is logged in one line and never
 * stops the start. Off with {@code mnistlab.warm-up=false}.
 * <p>
 * Where visitors must log in, the login page is all an anonymous request gets, and the explorer, the first page
 * after a login, stayed cold (0.7 s the first time against 0.1 s later). So the warm-up's own requests carry a
 * secret drawn at start-up that never leaves this process; while the warm-up runs, a request from this machine
 * carrying it is served as a viewer ({@link #admits}). Afterwards the secret admits nobody.
 */
@Component
@ConditionalOnProperty(name = "mnistlab.warm-up", havingValue = "true", matchIfMissing = true)
public class FirstPageWarmUp implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstPageWarmUp.class);
    /** A dataset still downloading must not hold the start for long; the page then warms what it can. */
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    /** The bundle's entry script in Vaadin's index page, e.g. {@code src="./VAADIN/build/indexhtml-X.js"}. */
    private static final Pattern ENTRY_SCRIPT = Pattern.compile("src=\"\\./(VAADIN/build/[^\"]+\\.js)\"");

    /**
     * How many times the pages are served (the entry script once). One time left the server's code for them
     * half-compiled: after it, a run page's document took 336, 213, 253, 112, 113, 90 ms and the explorer's
     * 153, 63, 122, 158, 38, 49 ms over the next requests (`curl`, December 4).
     */
    static final int PAGE_ROUNDS = 3;

    /** The request header that carries the warm-up's secret. */
    public static final String HEADER = "X-MnistLab-Warm-Up";

    /** What the warm-up asked for and got. */
    public record Served(String path, int status) {
    }

    private final ApplicationContext context;
    private final Environment environment;
    private final ObjectProvider<WarmUpPages> pages;
    /** 256 random bits, base64: drawn once per process, sent only to the app itself. */
    private final String secret;
    private volatile boolean running;
    private volatile List<Served> served = List.of();

    public FirstPageWarmUp(ApplicationContext context, Environment environment, ObjectProvider<WarmUpPages> pages) {
        this.context = context;
        this.environment = environment;
        this.pages = pages;
        byte[] bits = new byte[32];
        new SecureRandom().nextBytes(bits);
        this.secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
    }

    /** Whether a request carrying this header value is one of the warm-up's own, made while it runs. */
    public boolean admits(String headerValue) {
        return running && headerValue != null
                && MessageDigest.isEqual(headerValue.getBytes(StandardCharsets.US_ASCII),
                        secret.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!(context instanceof WebServerApplicationContext web) || web.getWebServer() == null
                || web.getWebServer().getPort() <= 0 || environment.getProperty("server.ssl.enabled", Boolean.class, false)) {
            return; // the command line, a test without a server, or TLS (whose certificate may not name this host)
        }
        String host = environment.getProperty("server.address", "127.0.0.1");
        if (host.isBlank() || host.equals("0.0.0.0") || host.equals("::")) {
            host = "127.0.0.1";
        } else if (host.contains(":")) {
            host = "[" + host + "]";
        }
        String contextPath = environment.getProperty("server.servlet.context-path", "");
        warmUp(URI.create("http://" + host + ":" + web.getWebServer().getPort() + contextPath + "/"));
    }

    /**
     * Asks for the page at {@code root}, for the entry script it names, then for the features' pages, and for
     * the pages again until each was served {@link #PAGE_ROUNDS} times; follows redirects (to the login page).
     *
     * @return what was served, in order; empty when the first request failed
     */
    public List<Served> warmUp(URI root) {
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(5)).build();
        List<Served> done = new ArrayList<>();
        running = true;
        try {
            long start = System.nanoTime();
            List<String> featurePaths = pages.orderedStream().flatMap(feature -> feature.warmUpPaths().stream()).toList();
            for (int round = 1; round <= PAGE_ROUNDS; round++) {
                HttpResponse<String> page = client.send(get(root), HttpResponse.BodyHandlers.ofString());
                done.add(new Served(page.uri().getPath(), page.statusCode()));
                Matcher script = ENTRY_SCRIPT.matcher(page.body());
                if (round == 1 && script.find()) { // a static file: once is enough
                    HttpResponse<Void> js = client.send(get(root.resolve(script.group(1))),
                            HttpResponse.BodyHandlers.discarding());
                    done.add(new Served(js.uri().getPath(), js.statusCode()));
                }
                for (String path : featurePaths) {
                    HttpResponse<Void> other = client.send(get(root.resolve(path)), HttpResponse.BodyHandlers.discarding());
                    done.add(new Served(other.uri().getPath(), other.statusCode()));
                }
            }
            log.info("Start-up warm-up: served {} to itself in {} ms", done.stream().distinct()
                    .map(s -> s.path() + " (" + s.status() + ")").toList(), Duration.ofNanos(System.nanoTime() - start).toMillis());
        } catch (IOException e) {
            log.warn("Start-up warm-up skipped: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            running = false;
        }
        served = List.copyOf(done);
        return served;
    }

    /** What the start-up warm-up served (empty before it ran, when it was skipped or failed). */
    public List<Served> served() {
        return served;
    }

    private HttpRequest get(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "text/html,*/*")
                .header(HEADER, secret).GET().build();
    }
}
