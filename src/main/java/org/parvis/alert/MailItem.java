package org.parvis.alert;

/**
 * One process as a mail shows it, every text already in the subscriber's language: title,
 * take-part link and its label, platform, level and area, status and deadline.
 *
 * <p>Immutable and thread-safe. Public for the compiled templates only.
 */
public record MailItem(
        String title,
        String url,
        String takePart,
        String platform,
        String level,
        String status,
        String deadline) {}
