package org.parvis.alert;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/**
 * Renders the alert templates of {@code src/main/jte/alert}, compiled at build time.
 *
 * <p>Thread-safe: the precompiled engine is.
 */
final class Templates {

    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(ContentType.Html);

    private Templates() {}

    /** The HTML part of a mail. */
    static String mailHtml(MailView view) {
        return render("alert/mail.jte", view);
    }

    /** The plain-text part of a mail. */
    static String mailText(MailView view) {
        // Control lines leave blank lines behind: keep at most one between paragraphs.
        return render("alert/mail-text.jte", view)
                        .strip()
                        .replaceAll("\n[ \t]*(\n[ \t]*)+\n", "\n\n")
                + "\n";
    }

    /** An alert page. */
    static String page(PageView view) {
        return render("alert/page.jte", view);
    }

    private static String render(String template, Object view) {
        StringOutput output = new StringOutput();
        ENGINE.render(template, view, output);
        return output.toString();
    }
}
