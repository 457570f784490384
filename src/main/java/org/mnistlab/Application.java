package org.mnistlab;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.PWA;
import com.vaadin.flow.shared.ui.Transport;
import com.vaadin.flow.theme.Theme;
import com.vaadin.flow.theme.lumo.Lumo;
import org.mnistlab.base.NativeBackend;
import org.mnistlab.cli.CommandLine;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * MNIST Lab: one Spring Boot app serving the Vaadin UI; {@code @Push} lets training threads stream
 * metrics to open browsers. Pure WebSocket transport: the browser's own messages (a drawing's pen-up, a
 * click) travel over the open socket too, instead of a new HTTP request each.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Push(transport = Transport.WEBSOCKET)
@Theme(value = "mnist-lab", variant = Lumo.LIGHT)
@PWA(name = "MNIST Lab", shortName = "MNIST Lab")
public class Application implements AppShellConfigurator {

    public static void main(String[] args) {
        // Must run before anything touches ND4J: picks the native build for this processor.
        NativeBackend.configure();
        if (CommandLine.isCommand(args)) {
            // Headless train / bench: no web server, same H2 store.
            System.exit(CommandLine.run(Application.class, args, System.out, System.err));
        }
        SpringApplication.run(Application.class, args);
    }
}
