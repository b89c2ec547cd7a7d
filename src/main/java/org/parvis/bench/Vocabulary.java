package org.parvis.bench;

import org.jspecify.annotations.Nullable;
import org.parvis.model.ProcessType;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A small French vocabulary for the titles and summaries of synthetic processes: a few subjects per
 * theme and a wording per kind of process.
 *
 * <p>Stateless and thread-safe.
 */
final class Vocabulary {

    private static final Map<String, List<String>> SUBJECTS = Map.ofEntries(
            Map.entry(
                    "urbanisme",
                    List.of(
                            "la révision du plan local d'urbanisme",
                            "l'aménagement du quartier de la gare",
                            "le réaménagement du centre-bourg")),
            Map.entry(
                    "logement",
                    List.of(
                            "le programme local de l'habitat",
                            "la rénovation des logements sociaux",
                            "l'encadrement des meublés de tourisme")),
            Map.entry(
                    "mobilite",
                    List.of(
                            "le plan vélo",
                            "le prolongement de la ligne de tramway",
                            "le nouveau plan de circulation et de stationnement")),
            Map.entry(
                    "cadre_de_vie",
                    List.of(
                            "le réaménagement de la place du marché",
                            "la végétalisation des cours d'école",
                            "l'éclairage public des rues")),
            Map.entry(
                    "environnement",
                    List.of(
                            "la protection des zones humides",
                            "la création d'une forêt urbaine",
                            "l'atlas de la biodiversité communale")),
            Map.entry(
                    "climat_energie",
                    List.of(
                            "le plan climat-air-énergie territorial",
                            "l'installation de panneaux solaires sur les toits publics",
                            "la rénovation énergétique des bâtiments")),
            Map.entry(
                    "eau_dechets",
                    List.of(
                            "la collecte des biodéchets",
                            "la tarification de l'eau potable",
                            "la propreté des espaces publics")),
            Map.entry(
                    "sante",
                    List.of(
                            "le contrat local de santé",
                            "l'ouverture d'une maison de santé",
                            "l'accès aux soins de proximité")),
            Map.entry(
                    "solidarite",
                    List.of(
                            "l'aide alimentaire",
                            "l'accueil des personnes sans abri",
                            "le soutien aux aidants")),
            Map.entry(
                    "education_jeunesse",
                    List.of(
                            "les rythmes scolaires",
                            "le conseil municipal des jeunes",
                            "la restauration scolaire")),
            Map.entry(
                    "culture_patrimoine",
                    List.of(
                            "la restauration de l'église",
                            "la programmation de la médiathèque",
                            "le festival d'été")),
            Map.entry(
                    "sport_loisirs",
                    List.of(
                            "la rénovation du gymnase",
                            "un nouveau skatepark",
                            "l'ouverture de la piscine l'été")),
            Map.entry(
                    "economie_emploi",
                    List.of(
                            "la revitalisation des commerces de centre-ville",
                            "la zone d'activités",
                            "le marché de producteurs")),
            Map.entry(
                    "agriculture_alimentation",
                    List.of(
                            "le projet alimentaire territorial",
                            "les jardins partagés",
                            "l'installation de jeunes agriculteurs")),
            Map.entry(
                    "securite",
                    List.of(
                            "la vidéoprotection",
                            "le plan de prévention des risques d'inondation",
                            "la sécurité aux abords des écoles")),
            Map.entry(
                    "democratie",
                    List.of(
                            "la charte de la participation citoyenne",
                            "les conseils de quartier",
                            "l'assemblée citoyenne")),
            Map.entry(
                    "finances_publiques",
                    List.of(
                            "les orientations budgétaires",
                            "la fiscalité locale",
                            "le plan pluriannuel d'investissement")),
            Map.entry(
                    "numerique",
                    List.of(
                            "l'inclusion numérique",
                            "le déploiement de la fibre",
                            "l'ouverture des données publiques")),
            Map.entry(
                    "egalite_droits",
                    List.of(
                            "l'égalité entre les femmes et les hommes",
                            "l'accessibilité des bâtiments publics",
                            "la lutte contre les discriminations")),
            Map.entry(
                    "europe_international",
                    List.of(
                            "les jumelages",
                            "la coopération transfrontalière",
                            "l'avenir de la politique de cohésion")));

    private Vocabulary() {}

    static String subject(String theme, SplittableRandom random) {
        List<String> subjects = SUBJECTS.get(theme);
        if (subjects == null) {
            throw new IllegalArgumentException("no vocabulary for theme '" + theme
                    + "'; expected one of " + SyntheticProcesses.THEMES);
        }
        return subjects.get(random.nextInt(subjects.size()));
    }

    static String title(
            ProcessType kind, String subject, String placeName, SplittableRandom random) {
        String lead = switch (kind) {
            case CONSULTATION ->
                random.nextBoolean() ? "Consultation sur " : "Donnez votre avis sur ";
            case PARTICIPATORY_BUDGET -> "Budget participatif : projets pour ";
            case PETITION -> "Pétition pour ";
            case PUBLIC_INQUIRY -> "Enquête publique sur ";
            case PRIOR_CONCERTATION -> "Concertation préalable sur ";
            case CALL_FOR_IDEAS -> "Appel à idées : ";
            case SURVEY -> "Questionnaire sur ";
            case MEETING_SERIES -> "Ateliers citoyens sur ";
            case CALL_FOR_EVIDENCE -> "Appel à contributions sur ";
            case PUBLIC_DEBATE -> "Débat public sur ";
            case CITIZEN_INITIATIVE -> "Initiative citoyenne pour ";
            case ASSEMBLY -> "Convention citoyenne sur ";
            case LOCAL_REFERENDUM -> "Consultation locale sur ";
            default -> "Participation : ";
        };
        return lead + subject + " – " + placeName;
    }

    static String summary(
            ProcessType kind, String subject, String placeName, @Nullable String closingDay) {
        String invitation = kind == ProcessType.PETITION
                ? "Signez et partagez la pétition"
                : "Participez en ligne ou lors des réunions publiques";
        String deadline = closingDay == null ? "." : " jusqu'au " + closingDay + ".";
        return "Les habitants de " + placeName + " sont invités à s'exprimer sur " + subject + ". "
                + invitation + deadline;
    }
}
