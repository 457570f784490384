package org.mnistlab.base;

/**
 * The role names views declare in {@code @RolesAllowed}; each includes the ones before it
 * (an admin is also a trainer and a viewer). Here in base so every feature's views can name them.
 */
public final class Roles {

    /** Explores, reads runs, draws. */
    public static final String VIEWER = "VIEWER";
    /** Also starts runs, and cancels and deletes their own. */
    public static final String TRAINER = "TRAINER";
    /** Everything, including other users' runs and the users page. */
    public static final String ADMIN = "ADMIN";

    private Roles() {
    }
}
