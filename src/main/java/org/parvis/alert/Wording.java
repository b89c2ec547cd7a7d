package org.parvis.alert;

import org.parvis.model.AreaLevel;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * The sentences of mails and pages in French and English, and the formatting of dates (in
 * Europe/Paris, where the processes' days are counted) and area levels.
 *
 * <p>Immutable and thread-safe.
 */
final class Wording {

    static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    private static final Map<String, String> FR = Map.ofEntries(
            Map.entry("confirm.subject", "Confirmez votre alerte Parvis"),
            Map.entry("confirm.heading", "Confirmez votre alerte"),
            Map.entry(
                    "confirm.intro",
                    "Quelqu'un (sans doute vous) a demandé à recevoir par e-mail les nouvelles"
                            + " participations citoyennes qui correspondent à :"),
            Map.entry("confirm.button", "Confirmer mon alerte"),
            Map.entry(
                    "confirm.ignore",
                    "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : aucun"
                            + " autre ne vous sera envoyé, et la demande sera effacée le %s."),
            Map.entry("alert.subject.one", "Parvis : nouveau — %s"),
            Map.entry("alert.subject.many", "Parvis : %d nouvelles participations — %s"),
            Map.entry("daily.subject", "Parvis, le résumé du jour : %d participations — %s"),
            Map.entry("weekly.subject", "Parvis, le résumé de la semaine : %d participations — %s"),
            Map.entry("alert.heading", "Nouvelles participations"),
            Map.entry("daily.heading", "Votre résumé du jour"),
            Map.entry("weekly.heading", "Votre résumé de la semaine"),
            Map.entry("alert.intro", "Ces processus viennent d'être publiés ou d'ouvrir pour :"),
            Map.entry("status.open", "Ouvert"),
            Map.entry("status.upcoming", "À venir, ouvre le %s"),
            Map.entry("deadline.until", "jusqu'au %s inclus"),
            Map.entry("deadline.none", "sans date de clôture"),
            Map.entry("take.part", "Participer"),
            Map.entry("on.platform", "sur %s"),
            Map.entry("manage", "Modifier mon alerte"),
            Map.entry("unsubscribe", "Me désabonner"),
            Map.entry(
                    "footer",
                    "Vous recevez ce message parce que vous avez confirmé une alerte Parvis pour"
                            + " cette adresse."),
            Map.entry("scope.around", "ce qui concerne %s"),
            Map.entry("scope.within", "tout ce qui se passe dans %s"),
            Map.entry("themes.all", "tous les thèmes"),
            Map.entry("themes.some", "thèmes : %s"),
            Map.entry("kinds.all", "toutes les formes de participation"),
            Map.entry("kinds.some", "formes : %s"),
            Map.entry("frequency.immediate", "dès qu'un processus paraît"),
            Map.entry("frequency.daily", "un résumé par jour"),
            Map.entry("frequency.weekly", "un résumé par semaine"),
            Map.entry("page.subscribed.title", "Vérifiez votre boîte mail"),
            Map.entry(
                    "page.subscribed.text",
                    "Si cette adresse peut recevoir des messages, un e-mail de confirmation vient"
                            + " de lui être envoyé. Suivez le lien qu'il contient pour activer"
                            + " l'alerte ; sans confirmation, rien d'autre ne sera envoyé."),
            Map.entry("page.confirm.title", "Confirmer l'alerte"),
            Map.entry(
                    "page.confirm.text", "Confirmez pour recevoir les nouvelles participations :"),
            Map.entry("page.confirmed.title", "Alerte confirmée"),
            Map.entry(
                    "page.confirmed.text",
                    "C'est fait : vous recevrez les nouvelles participations qui correspondent à"
                            + " votre alerte. Chaque message contient un lien pour la modifier ou"
                            + " vous désabonner."),
            Map.entry("page.invalid.title", "Lien expiré ou inconnu"),
            Map.entry(
                    "page.invalid.text",
                    "Ce lien n'est pas (ou plus) valable : l'alerte a peut-être été supprimée, ou"
                            + " la demande a expiré. Vous pouvez vous abonner à nouveau depuis le"
                            + " fil."),
            Map.entry("page.unsubscribe.title", "Se désabonner"),
            Map.entry(
                    "page.unsubscribe.text",
                    "Confirmez pour supprimer cette alerte et votre adresse :"),
            Map.entry("page.unsubscribed.title", "Vous êtes désabonné"),
            Map.entry(
                    "page.unsubscribed.text",
                    "L'alerte et votre adresse ont été supprimées. Aucun autre message ne vous"
                            + " sera envoyé pour cette alerte."),
            Map.entry("page.manage.title", "Modifier mon alerte"),
            Map.entry("page.manage.saved", "Vos changements sont enregistrés."),
            Map.entry("page.manage.save", "Enregistrer"),
            Map.entry("field.place", "Lieu (identifiant de territoire)"),
            Map.entry("field.scope", "Portée"),
            Map.entry("field.themes", "Thèmes (vide : tous)"),
            Map.entry("field.kinds", "Formes de participation (vide : toutes)"),
            Map.entry("field.frequency", "Fréquence"),
            Map.entry("field.language", "Langue"),
            Map.entry("page.error.title", "Demande refusée"),
            Map.entry("page.limited.title", "Trop de demandes"),
            Map.entry("page.back", "Retour au fil"),
            Map.entry("level.arrondissement", "Arrondissement"),
            Map.entry("level.commune", "Commune"),
            Map.entry("level.epci", "Intercommunalité"),
            Map.entry("level.departement", "Département"),
            Map.entry("level.region", "Région"),
            Map.entry("level.nation", "National"),
            Map.entry("level.eu", "Union européenne"),
            Map.entry("level.local", "Local"));

    private static final Map<String, String> EN = Map.ofEntries(
            Map.entry("confirm.subject", "Confirm your Parvis alert"),
            Map.entry("confirm.heading", "Confirm your alert"),
            Map.entry(
                    "confirm.intro",
                    "Someone (probably you) asked to receive by e-mail the new citizen"
                            + " participation processes that match:"),
            Map.entry("confirm.button", "Confirm my alert"),
            Map.entry(
                    "confirm.ignore",
                    "If you did not ask for this, ignore this message: nothing else will be sent"
                            + " to you, and the request will be erased on %s."),
            Map.entry("alert.subject.one", "Parvis: new — %s"),
            Map.entry("alert.subject.many", "Parvis: %d new processes — %s"),
            Map.entry("daily.subject", "Parvis daily digest: %d processes — %s"),
            Map.entry("weekly.subject", "Parvis weekly digest: %d processes — %s"),
            Map.entry("alert.heading", "New participation processes"),
            Map.entry("daily.heading", "Your daily digest"),
            Map.entry("weekly.heading", "Your weekly digest"),
            Map.entry("alert.intro", "These processes were just published or opened for:"),
            Map.entry("status.open", "Open"),
            Map.entry("status.upcoming", "Upcoming, opens on %s"),
            Map.entry("deadline.until", "until %s"),
            Map.entry("deadline.none", "no closing date"),
            Map.entry("take.part", "Take part"),
            Map.entry("on.platform", "on %s"),
            Map.entry("manage", "Change my alert"),
            Map.entry("unsubscribe", "Unsubscribe"),
            Map.entry(
                    "footer",
                    "You receive this message because you confirmed a Parvis alert for this"
                            + " address."),
            Map.entry("scope.around", "what concerns %s"),
            Map.entry("scope.within", "everything happening in %s"),
            Map.entry("themes.all", "every theme"),
            Map.entry("themes.some", "themes: %s"),
            Map.entry("kinds.all", "every kind of process"),
            Map.entry("kinds.some", "kinds: %s"),
            Map.entry("frequency.immediate", "as soon as a process appears"),
            Map.entry("frequency.daily", "one digest a day"),
            Map.entry("frequency.weekly", "one digest a week"),
            Map.entry("page.subscribed.title", "Check your inbox"),
            Map.entry(
                    "page.subscribed.text",
                    "If this address can receive mail, a confirmation message is on its way."
                            + " Follow its link to turn the alert on; without confirmation,"
                            + " nothing else is sent."),
            Map.entry("page.confirm.title", "Confirm the alert"),
            Map.entry("page.confirm.text", "Confirm to receive new participation processes for:"),
            Map.entry("page.confirmed.title", "Alert confirmed"),
            Map.entry(
                    "page.confirmed.text",
                    "Done: you will receive the new processes that match your alert. Every"
                            + " message has links to change it or to unsubscribe."),
            Map.entry("page.invalid.title", "Link expired or unknown"),
            Map.entry(
                    "page.invalid.text",
                    "This link is not (or no longer) valid: the alert may have been deleted, or"
                            + " the request expired. You can subscribe again from the feed."),
            Map.entry("page.unsubscribe.title", "Unsubscribe"),
            Map.entry("page.unsubscribe.text", "Confirm to delete this alert and your address:"),
            Map.entry("page.unsubscribed.title", "You are unsubscribed"),
            Map.entry(
                    "page.unsubscribed.text",
                    "The alert and your address were deleted. No other message will be sent to"
                            + " you for this alert."),
            Map.entry("page.manage.title", "Change my alert"),
            Map.entry("page.manage.saved", "Your changes are saved."),
            Map.entry("page.manage.save", "Save"),
            Map.entry("field.place", "Place (area id)"),
            Map.entry("field.scope", "Scope"),
            Map.entry("field.themes", "Themes (empty: all)"),
            Map.entry("field.kinds", "Kinds of process (empty: all)"),
            Map.entry("field.frequency", "Frequency"),
            Map.entry("field.language", "Language"),
            Map.entry("page.error.title", "Request refused"),
            Map.entry("page.limited.title", "Too many requests"),
            Map.entry("page.back", "Back to the feed"),
            Map.entry("level.arrondissement", "District"),
            Map.entry("level.commune", "Municipality"),
            Map.entry("level.epci", "Inter-municipality"),
            Map.entry("level.departement", "Département"),
            Map.entry("level.region", "Region"),
            Map.entry("level.nation", "National"),
            Map.entry("level.eu", "European Union"),
            Map.entry("level.local", "Local"));

    private final String language;
    private final Map<String, String> texts;
    private final DateTimeFormatter dates;

    private Wording(String language) {
        this.language = language;
        this.texts = language.equals("en") ? EN : FR;
        Locale locale = language.equals("en") ? Locale.ENGLISH : Locale.FRENCH;
        this.dates = DateTimeFormatter.ofPattern("d MMMM yyyy", locale).withZone(ZONE);
    }

    /** The wording of {@code language} ({@code fr} or {@code en}; anything else gives French). */
    static Wording of(String language) {
        return new Wording(language.equals("en") ? "en" : "fr");
    }

    String language() {
        return language;
    }

    /** The sentence {@code key}, formatted with {@code args}. */
    String text(String key, Object... args) {
        String text = texts.get(key);
        if (text == null) {
            throw new IllegalArgumentException("no sentence '" + key + "' in " + language);
        }
        return args.length == 0 ? text : String.format(Locale.ROOT, text, args);
    }

    /** A day, e.g. {@code 12 mars 2027} or {@code 12 March 2027}. */
    String date(Instant instant) {
        return dates.format(instant);
    }

    /**
     * The last day of a window whose exclusive end is {@code end}: a window ending at midnight
     * ends the day before.
     */
    String lastDay(Instant end) {
        return date(end.minusSeconds(1));
    }

    String level(AreaLevel level) {
        return text("level." + level.code());
    }
}
