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
            Map.entry("frequency.immediate", "dès qu'une démarche paraît"),
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
            Map.entry(
                    "field.place.hint",
                    "Actuellement : %s. Pour un autre lieu, son identifiant, par exemple"
                            + " fr:commune:33063 (Bordeaux), fr:departement:33 ou fr."),
            Map.entry("field.scope", "Portée"),
            Map.entry("option.scope.around", "Ce qui concerne ce lieu (et les échelons au-dessus)"),
            Map.entry("option.scope.within", "Tout ce qui se passe dans ce lieu"),
            Map.entry("field.themes", "Thèmes"),
            Map.entry("field.themes.hint", "Aucun coché : tous les thèmes."),
            Map.entry("field.kinds", "Types de démarche"),
            Map.entry("field.kinds.hint", "Aucun coché : tous les types."),
            Map.entry("field.frequency", "Fréquence"),
            Map.entry("option.frequency.immediate", "Dès qu'une démarche paraît"),
            Map.entry("option.frequency.daily", "Un résumé par jour"),
            Map.entry("option.frequency.weekly", "Un résumé par semaine"),
            Map.entry("field.language", "Langue des e-mails et des pages"),
            Map.entry("kind.consultation", "Consultation"),
            Map.entry("kind.call_for_evidence", "Appel à contributions"),
            Map.entry("kind.prior_concertation", "Concertation préalable"),
            Map.entry("kind.public_inquiry", "Enquête publique"),
            Map.entry("kind.public_debate", "Débat public"),
            Map.entry("kind.participatory_budget", "Budget participatif"),
            Map.entry("kind.petition", "Pétition"),
            Map.entry("kind.citizen_initiative", "Initiative citoyenne"),
            Map.entry("kind.meeting_series", "Réunions et ateliers"),
            Map.entry("kind.local_referendum", "Référendum local"),
            Map.entry("kind.call_for_ideas", "Appel à idées"),
            Map.entry("kind.assembly", "Instance participative"),
            Map.entry("kind.survey", "Questionnaire"),
            Map.entry("kind.other", "Autre démarche"),
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
            Map.entry(
                    "field.place.hint",
                    "Now: %s. For another place, its id, e.g. fr:commune:33063 (Bordeaux),"
                            + " fr:departement:33 or fr."),
            Map.entry("field.scope", "Scope"),
            Map.entry("option.scope.around", "What concerns this place (and the levels above)"),
            Map.entry("option.scope.within", "Everything happening in this place"),
            Map.entry("field.themes", "Themes"),
            Map.entry("field.themes.hint", "None ticked: every theme."),
            Map.entry("field.kinds", "Kinds of process"),
            Map.entry("field.kinds.hint", "None ticked: every kind."),
            Map.entry("field.frequency", "Frequency"),
            Map.entry("option.frequency.immediate", "As soon as a process appears"),
            Map.entry("option.frequency.daily", "One digest a day"),
            Map.entry("option.frequency.weekly", "One digest a week"),
            Map.entry("field.language", "Language of mails and pages"),
            Map.entry("kind.consultation", "Consultation"),
            Map.entry("kind.call_for_evidence", "Call for evidence"),
            Map.entry("kind.prior_concertation", "Prior public consultation"),
            Map.entry("kind.public_inquiry", "Public inquiry"),
            Map.entry("kind.public_debate", "Public debate"),
            Map.entry("kind.participatory_budget", "Participatory budget"),
            Map.entry("kind.petition", "Petition"),
            Map.entry("kind.citizen_initiative", "Citizens' initiative"),
            Map.entry("kind.meeting_series", "Meetings and workshops"),
            Map.entry("kind.local_referendum", "Local referendum"),
            Map.entry("kind.call_for_ideas", "Call for ideas"),
            Map.entry("kind.assembly", "Participatory body"),
            Map.entry("kind.survey", "Survey"),
            Map.entry("kind.other", "Other process"),
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

    /** Each language's name in that language, the same on every page. */
    private static final Map<String, String> LANGUAGE_NAMES =
            Map.of("fr", "Français", "en", "English");

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

    /** The name of {@code code} ({@code fr}, {@code en}) in that language, e.g. Français. */
    static String languageName(String code) {
        String name = LANGUAGE_NAMES.get(code);
        if (name == null) {
            throw new IllegalArgumentException("no language '" + code + "'");
        }
        return name;
    }

    String level(AreaLevel level) {
        return text("level." + level.code());
    }
}
