/** The JSON API under /api for scripts and notebooks: runs, submissions, models and predictions, bearer tokens. */
package org.mnistlab.api;
