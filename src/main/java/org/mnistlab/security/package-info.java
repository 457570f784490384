/** Who may do what: users with BCrypt password hashes and roles, API tokens, run permissions, the first admin. */
package org.mnistlab.security;
