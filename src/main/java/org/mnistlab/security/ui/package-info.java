/** The web side of security: the filter chains (Vaadin's and the API's), the login page and the users page. */
package org.mnistlab.security.ui;
