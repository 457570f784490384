package org.mnistlab.training;

import java.util.Optional;

/**
 * Who may queue and change runs, asked by {@link RunQueue} itself so no screen or API can bypass it. The
 * security feature supplies the real rules; without it (or with no signed-in user: the command line, the
 * system) everything is allowed.
 */
public interface RunPermissions {

    RunPermissions UNRESTRICTED = new RunPermissions() {
        @Override
        public Optional<String> currentUser() {
            return Optional.empty();
        }

        @Override
        public boolean maySubmit() {
            return true;
        }

        @Override
        public boolean mayChange(RunRecord run) {
            return true;
        }

        @Override
        public boolean perUserLimitApplies() {
            return false;
        }
    };

    /** The signed-in user's name; empty for the command line and the system. */
    Optional<String> currentUser();

    boolean maySubmit();

    /** Whether the current user may cancel or delete this run (trainers: their own; admins: all). */
    boolean mayChange(RunRecord run);

    /** Whether the per-user run limit binds the current user (not admins, not the system). */
    boolean perUserLimitApplies();
}
