/**
 * E-mail alerts: a person follows a saved feed query (place, themes, kinds, scope) without an
 * account and is told by mail when a matching process is published or opens.
 *
 * <p>{@link org.parvis.alert.AlertService} is the entry point: subscriptions with double opt-in,
 * matching after each harvest through the feed query itself, immediate mails and daily or weekly
 * digests written to an outbox in the store and delivered over SMTP with retries, and links
 * (confirm, manage, unsubscribe) carrying single-purpose random tokens of which only the SHA-256
 * is stored.
 */
@NullMarked
package org.parvis.alert;

import org.jspecify.annotations.NullMarked;
