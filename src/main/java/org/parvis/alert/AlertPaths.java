package org.parvis.alert;

/**
 * The addresses of the alert pages, which the feed page's form and the links in mails point to
 * and the web server answers.
 */
public final class AlertPaths {

    /** The feed page's subscription form posts here. */
    public static final String SUBSCRIBE = "/alerts/subscribe";

    public static final String CONFIRM = "/alerts/confirm";
    public static final String MANAGE = "/alerts/manage";
    public static final String UNSUBSCRIBE = "/alerts/unsubscribe";

    private AlertPaths() {}
}
