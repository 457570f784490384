package org.mnistlab.base.ui;

import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.component.UI;
import org.mnistlab.base.UserMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

/**
 * What the user sees when something fails outside navigation (a click, a pushed update): a plain message in
 * an error notification, never a stack trace or a server path; the details go to the log. Failures while
 * opening a page are shown by {@link ErrorView}.
 */
@Component
public class UiErrors implements VaadinServiceInitListener, ErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(UiErrors.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(e -> e.getSession().setErrorHandler(this));
    }

    @Override
    public void error(ErrorEvent event) {
        Throwable failure = event.getThrowable();
        log.error("Unhandled error in a page: {}", failure.toString(), failure);
        if (UI.getCurrent() != null) {
            Notifications.error(message(failure));
        }
    }

    /** The failure in words for users: a store problem says so and what to do, anything else its cause. */
    public static String message(Throwable failure) {
        if (isStoreFailure(failure)) {
            return UserMessages.storeUnavailable(failure);
        }
        return "Something went wrong: " + UserMessages.rootCause(failure) + ". The details are in the server log.";
    }

    /** Whether the database of runs failed (disk full, closed), as opposed to a bug or bad input. */
    static boolean isStoreFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessException || t instanceof TransactionException) {
                return true;
            }
        }
        return false;
    }
}
