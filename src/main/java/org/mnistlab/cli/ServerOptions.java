package org.mnistlab.cli;

import picocli.CommandLine.Option;

/** A running MNIST Lab server to train on through its JSON API, instead of this process and its run store. */
final class ServerOptions {

    static final String TOKEN_ENV = "MNISTLAB_TOKEN";

    @Option(names = "--server", paramLabel = "URL", order = 90,
            description = "Train on this running MNIST Lab server (e.g. http://localhost:8080) through its API, as"
                    + " the token's user, so the command does not need the server's run store")
    String server;

    @Option(names = "--token", paramLabel = "TOKEN", order = 91,
            description = "Your personal API token for --server (the account page creates one; default: env "
                    + TOKEN_ENV + ")")
    String token;

    boolean remote() {
        return server != null && !server.isBlank();
    }

    /** The token given, else the environment's; null when neither. */
    String token(java.util.Map<String, String> env) {
        if (token != null && !token.isBlank()) {
            return token.strip();
        }
        String fromEnv = env.get(TOKEN_ENV);
        return fromEnv == null || fromEnv.isBlank() ? null : fromEnv.strip();
    }
}
