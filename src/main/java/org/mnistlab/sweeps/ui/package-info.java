/** The sweep screens: configure a sweep ({@code /sweeps/new}), the list ({@code /sweeps}) and one sweep live. */
package org.mnistlab.sweeps.ui;
