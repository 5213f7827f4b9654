"""Every UI string as (Dutch, English); Dutch is the language of Flemish local government."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

_APP_WORDS: dict[str, tuple[str, str]] = {
    # --- application -------------------------------------------------------------------
    "app.title": ("Kernbrief", "Kernbrief"),
    "app.language": ("Taal", "Language"),
    "app.signed_in_as": (
        "Aangemeld als {name} ({municipality})",
        "Signed in as {name} ({municipality})",
    ),
    "app.not_available": (
        "Deze pagina is niet beschikbaar voor jouw rol.",
        "This page is not available for your role.",
    ),
    "app.page_unknown": (
        "Dit adres bestaat niet in Kernbrief. Misschien is de link onvolledig of verouderd.",
        "This address does not exist in Kernbrief. The link may be incomplete or out of date.",
    ),
    "app.page_missing_title": ("Pagina niet gevonden", "Page not found"),
    "app.foreign_origin": (
        "Geweigerd: deze vraag komt van een andere website dan Kernbrief.",
        "Refused: this request comes from a website other than Kernbrief.",
    ),
    "app.not_available_title": ("Niet beschikbaar", "Not available"),
    "app.page_home": ("Naar de startpagina", "To the start page"),
    "app.brief_pick": ("Leertraject", "Learning trajectory"),
    "nav.overview": ("Mijn designbrief", "My design brief"),
    "nav.step1": ("1 · Uitdaging", "1 · Challenge"),
    "nav.step2": ("2 · Verkennen", "2 · Explore"),
    "nav.step3": ("3 · Testen", "3 · Test"),
    "nav.step4": ("4 · Stappenplan", "4 · Roadmap"),
    "start.title": ("Welkom bij Kernbrief", "Welcome to Kernbrief"),
    "start.intro": (
        "Kernbrief is het werkboek van de collectieve leertrajecten bedrijvige kern. "
        "Tussen de werksessies werk je hier je designbrief uit in vier stappen.",
        "Kernbrief is the workbook of the collective learning trajectories for lively town "
        "centres. Between the sessions you work out your design brief here in four steps.",
    ),
    "start.trajectories": ("Leertrajecten 2023–2024", "Learning trajectories 2023–2024"),
    "start.uncertain": (
        "Namen met een vraagteken waren in de bron onzeker.",
        "Names with a question mark were uncertain in the source.",
    ),
    "overview.title": ("Mijn designbrief", "My design brief"),
    "overview.trajectory": ("Leertraject {number}: {title}", "Trajectory {number}: {title}"),
    "overview.municipality": ("Gemeente", "Municipality"),
    "overview.coaches": ("Begeleiding", "Coaches"),
    "overview.next_session": ("Volgende werksessie", "Next session"),
    "overview.themes": ("Themamodules in je designbrief", "Theme modules in your design brief"),
    "overview.theme_own": (
        "{theme} (thema van je leertraject)",
        "{theme} (your trajectory's theme)",
    ),
    "overview.themes_none": (
        "Je leertraject heeft geen themamodule; je kunt er zelf een toevoegen.",
        "Your trajectory has no theme module; you can add one yourself.",
    ),
    "overview.themes_add": ("Een themamodule toevoegen", "Add a theme module"),
    "overview.themes_added": ("daarnaast {themes}", "besides, {themes}"),
    "overview.next_session_value": (
        "Sessie {number} op {day} ({mode}{place}) — stap {step} is aan de beurt",
        "Session {number} on {day} ({mode}{place}) — step {step} is due",
    ),
    "overview.no_next_session": (
        "Er staat geen werksessie meer gepland.",
        "No session is planned anymore.",
    ),
    "overview.progress": ("Voortgang per stap", "Progress per step"),
    "overview.progress_step": ("{step}: {percent} % ingevuld", "{step}: {percent}% filled in"),
    "overview.todo": ("Nog te doen", "Still to do"),
    "overview.to_section": ("Naar {section}", "Go to {section}"),
    "overview.start_title": ("Begin hier", "Start here"),
    "overview.start": (
        "Je designbrief is nog leeg. Begin bij stap 1 met de aanleiding: waarom werkt je "
        "gemeente aan dit thema? Alles wat je typt, wordt meteen bewaard.",
        "Your design brief is still empty. Start with step 1 and the reason: why is your "
        "municipality working on this theme? Everything you type is saved at once.",
    ),
    "overview.start_link": (
        "Begin bij stap 1: situatie en cijfers",
        "Start with step 1: situation and figures",
    ),
    "overview.progress_empty": (
        "Nog niets ingevuld. De balken vullen zich per stap zodra je begint.",
        "Nothing filled in yet. The bars fill up per step as soon as you start.",
    ),
    "overview.todo_none": (
        "Geen openstaande punten. Goed bezig!",
        "Nothing left to do. Well done!",
    ),
    "overview.last_saved": ("Laatst bewaard: {moment}", "Last saved: {moment}"),
    "overview.trace": ("Van grondoorzaak tot actie", "From root cause to action"),
    "overview.trace_help": (
        "Elke lijn volgt een grondoorzaak of SWOT-punt via een oplossingsrichting en een test "
        "naar een actie en haar doelstelling.",
        "Each line follows a root cause or SWOT item through a solution direction and a test "
        "to an action and its objective.",
    ),
    "overview.trace_none": (
        "Nog geen koppelingen. Koppel in stap 2 een oplossingsrichting aan een grondoorzaak.",
        "No links yet. In step 2, link a solution direction to a root cause.",
    ),
    "mode.online": ("online", "online"),
    "mode.on_site": ("fysiek", "on site"),
    "chart.interest": ("Belang", "Interest"),
    "chart.influence": ("Invloed", "Influence"),
    "chart.impact": ("Impact", "Impact"),
    "chart.effort": ("Inspanning", "Effort"),
    "chart.timeline": ("Tijdlijn van acties en mijlpalen", "Timeline of actions and milestones"),
    "chart.milestone": ("Mijlpaal", "Milestone"),
    "chart.no_data": (
        "Vul de tabel hierboven in om de grafiek te zien.",
        "Fill in the table above to see the chart.",
    ),
    "chart.today": ("vandaag", "today"),
    "chart.untitled": ("(zonder titel)", "(untitled)"),
    "chart.no_dates": ("(geen datums)", "(no dates)"),
    "chart.no_deadline": ("(geen deadline)", "(no deadline)"),
    "chart.no_start": ("(geen startdatum)", "(no start date)"),
    "chart.deadline_before_start": ("(deadline vóór start)", "(deadline before start)"),
    "chart.dates_to_check": ("Datums nakijken", "Dates to check"),
    "chart.number": ("Nr.", "No."),
    "chart.quadrant.manage_closely": ("Nauw betrekken", "Manage closely"),
    "chart.quadrant.keep_satisfied": ("Tevreden houden", "Keep satisfied"),
    "chart.quadrant.keep_informed": ("Informeren", "Keep informed"),
    "chart.quadrant.monitor": ("Monitoren", "Monitor"),
    "chart.quadrant.quick_wins": ("Snelle winst", "Quick wins"),
    "chart.quadrant.major_projects": ("Grote projecten", "Major projects"),
    "chart.quadrant.fill_ins": ("Kleine klussen", "Fill-ins"),
    "chart.quadrant.thankless": ("Niet doen", "Don't do"),
    # --- saving --------------------------------------------------------------------------
    "save.saved_at": ("Bewaard om {time}", "Saved at {time}"),
    "save.saved_before": ("Laatst bewaard op {moment}", "Last saved on {moment}"),
    "save.not_yet": ("Nog niet ingevuld", "Not filled in yet"),
    "save.conflict": (
        "Iemand anders (een collega of een ander tabblad) heeft dit deel intussen gewijzigd. "
        "Niets is overschreven. Kies welke versie je bewaart.",
        "Someone else (a colleague or another tab) changed this part in the meantime. "
        "Nothing was overwritten. Choose which version to keep.",
    ),
    "save.keep_mine": ("Mijn versie bewaren", "Keep my version"),
    "save.take_theirs": ("Hun versie overnemen", "Take their version"),
    "save.db_error": (
        "De databank is even niet bereikbaar. Je tekst staat nog in het veld en is niet "
        "verloren; probeer opnieuw.",
        "The database cannot be reached right now. Your text is still in the field and is not "
        "lost; please try again.",
    ),
    "save.retry": ("Opnieuw bewaren", "Save again"),
    "save.invalid": (
        "Niet bewaard: {problems}. Je invoer staat nog in het veld.",
        "Not saved: {problems}. Your input is still in the field.",
    ),
    "save.saved_at_by": ("Bewaard om {time} door {name}", "Saved at {time} by {name}"),
    "save.saved_before_by": (
        "Laatst bewaard op {moment} door {name}",
        "Last saved on {moment} by {name}",
    ),
    "save.conflict_by": (
        "{name} bewaarde op {moment} intussen een andere versie van dit deel. Niets is "
        "overschreven. Kies welke versie je houdt.",
        "{name} saved another version of this part on {moment}. Nothing was overwritten. "
        "Choose which version to keep.",
    ),
    "save.conflict_self": (
        "Je bewaarde dit deel op {moment} in een ander tabblad of venster. Niets is "
        "overschreven. Kies welke versie je houdt.",
        "You saved this part on {moment} in another tab or window. Nothing was overwritten. "
        "Choose which version to keep.",
    ),
    "save.db_error_short": (
        "Niet bewaard: de databank is even niet bereikbaar. Je tekst staat nog hier en we "
        "proberen het vanzelf opnieuw.",
        "Not saved: the database cannot be reached right now. Your text is still here and we "
        "will try again by ourselves.",
    ),
    "save.denied": (
        "Niet bewaard: je bent niet meer aangemeld, of je mag dit deel niet wijzigen. Je tekst "
        "staat nog hier. Meld je aan in een nieuw tabblad en kies dan ‘Opnieuw bewaren’.",
        "Not saved: you are no longer signed in, or you may not change this part. Your text is "
        "still here. Sign in in a new tab, then choose ‘Save again’.",
    ),
    "save.page_from_memory": (
        "De databank is even niet bereikbaar. Je ziet je designbrief zoals hij het laatst "
        "geladen werd; wat je nu typt, wordt bewaard zodra de databank terug is.",
        "The database cannot be reached right now. You see your design brief as it was last "
        "loaded; what you type now is saved as soon as the database is back.",
    ),
    "db.section": (
        "Dit deel kan nu niet geladen worden: de databank is even niet bereikbaar. Probeer het "
        "zo meteen opnieuw; wat je typte, is niet verloren.",
        "This part cannot be loaded right now: the database cannot be reached. Try again in a "
        "moment; nothing you typed is lost.",
    ),
    "db.action": (
        "Dat lukte niet: de databank was even niet bereikbaar. Er is niets veranderd; probeer "
        "het zo meteen opnieuw.",
        "That did not work: the database could not be reached. Nothing changed; try again in a "
        "moment.",
    ),
    "db.page": (
        "Deze pagina kan nu niet getoond worden: de databank is even niet bereikbaar. Probeer "
        "het zo meteen opnieuw.",
        "This page cannot be shown right now: the database cannot be reached. Try again in a "
        "moment.",
    ),
    "app.error": (
        "Er ging iets mis bij het tonen van deze pagina; wat u bewaarde, blijft bewaard. Meld "
        "het met deze code als het blijft gebeuren: {code}.",
        "Something went wrong showing this page; what you saved stays saved. If it keeps "
        "happening, report it with this code: {code}.",
    ),
    "history.button": ("Geschiedenis", "History"),
    "history.title": ("Geschiedenis: {part}", "History: {part}"),
    "history.step_button": ("Geschiedenis van deze stap", "History of this step"),
    "history.step_title": ("Geschiedenis van {step}", "History of {step}"),
    "history.none": ("Dit deel werd nog nooit bewaard.", "This part was never saved."),
    "history.intro": (
        "Elke bewaarde versie blijft bewaard. Terugzetten maakt van een oude versie de nieuwste; "
        "er verdwijnt niets.",
        "Every saved version is kept. Restoring makes an old version the newest; nothing is lost.",
    ),
    "history.readonly": (
        "Je bekijkt de geschiedenis; alleen de gemeente zelf kan een versie terugzetten.",
        "You are viewing the history; only the municipality itself can restore a version.",
    ),
    "history.version": (
        "Versie {version} · {moment} · {name}",
        "Version {version} · {moment} · {name}",
    ),
    "history.current": ("Dit is de huidige versie.", "This is the current version."),
    "history.compared": (
        "Verschil met de huidige versie: {change}",
        "Difference with the current version: {change}",
    ),
    "history.show": ("Deze versie bekijken", "View this version"),
    "history.restore": ("Deze versie terugzetten", "Restore this version"),
    "history.restored": (
        "Versie {version} staat terug als nieuwste versie.",
        "Version {version} is back as the newest version.",
    ),
    "history.stale": (
        "Iemand bewaarde dit deel intussen opnieuw. Er is niets teruggezet; open de "
        "geschiedenis opnieuw en kies nog eens.",
        "Someone saved this part again in the meantime. Nothing was restored; open the history "
        "again and choose once more.",
    ),
    "history.moment": ("Terug naar het moment van", "Back to the moment of"),
    "history.moment_option": ("{moment} · {part} · {name}", "{moment} · {part} · {name}"),
    "history.step_changes": ("Wat er verandert als je terugzet:", "What changes if you restore:"),
    "history.step_nothing": (
        "Er is geen eerder moment waarop deze stap er anders uitzag dan nu.",
        "There is no earlier moment at which this step looked different from now.",
    ),
    "history.step_restore": ("Stap terugzetten naar dit moment", "Restore the step to this moment"),
    "history.step_restored": (
        "{count} delen staan terug zoals op {moment}.",
        "{count} parts are back as on {moment}.",
    ),
    "history.same": ("geen verschil", "no difference"),
    "history.spacing": ("alleen spaties of regeleinden", "only spaces or line breaks"),
    "history.words_added": ("+{count} woorden: «{words}»", "+{count} words: «{words}»"),
    "history.words_removed": ("−{count} woorden: «{words}»", "−{count} words: «{words}»"),
    "history.rows_added": ("+{count} rijen: {names}", "+{count} rows: {names}"),
    "history.rows_removed": ("−{count} rijen: {names}", "−{count} rows: {names}"),
    "history.rows_changed": ("{count} rijen gewijzigd", "{count} rows changed"),
    "history.words_added_one": ("+1 woord: «{words}»", "+1 word: «{words}»"),
    "history.words_removed_one": ("−1 woord: «{words}»", "−1 word: «{words}»"),
    "history.rows_added_one": ("+1 rij: {names}", "+1 row: {names}"),
    "history.rows_removed_one": ("−1 rij: {names}", "−1 row: {names}"),
    "history.rows_changed_one": ("1 rij gewijzigd", "1 row changed"),
    "history.rows_reordered": ("andere volgorde", "different order"),
    "history.step_differences": ("Verschil met nu:", "Difference with now:"),
    "history.sketches": ("{before} → {after} schetsen", "{before} → {after} sketches"),
    "editor.saving": ("Bewaren…", "Saving…"),
    "editor.not_saved": ("Nog niet bewaard", "Not saved yet"),
    "editor.offline": (
        "Niet bewaard: de server is even niet bereikbaar. Je tekst staat nog hier en we "
        "proberen het vanzelf opnieuw.",
        "Not saved: the server cannot be reached right now. Your text is still here and we "
        "will try again by ourselves.",
    ),
    "editor.retry": ("Opnieuw bewaren", "Save again"),
    "editor.too_large": (
        "Niet bewaard: dit is te veel tekst om in één keer te bewaren. Je tekst staat nog hier.",
        "Not saved: this is too much text to save at once. Your text is still here.",
    ),
    "editor.too_long": (
        "Niet bewaard: deze tekst telt {count} tekens, het maximum is {limit}. Maak hem korter; "
        "je tekst staat nog hier.",
        "Not saved: this text has {count} characters, the maximum is {limit}. Make it shorter; "
        "your text is still here.",
    ),
    "editor.count": ("{count} van {limit} tekens", "{count} of {limit} characters"),
    "editor.conflict_waiting": (
        "Nog niet bewaard: kies eerst welke versie je houdt.",
        "Not saved yet: first choose which version to keep.",
    ),
    "editor.theirs": ("De andere versie", "The other version"),
    "editor.keep_mine": ("Mijn versie bewaren", "Keep my version"),
    "editor.take_theirs": ("Hun versie overnemen", "Take their version"),
    "editor.took_theirs": (
        "De andere versie staat nu in het veld.",
        "The other version is now in the field.",
    ),
    "editor.add_row": ("+ Rij toevoegen", "+ Add a row"),
    "editor.remove_row": ("Rij {n} verwijderen", "Remove row {n}"),
    "editor.move_up": ("Rij {n} omhoog", "Move row {n} up"),
    "editor.move_down": ("Rij {n} omlaag", "Move row {n} down"),
    "editor.row": ("rij {n}", "row {n}"),
    "editor.empty_choice": ("—", "—"),
    "editor.bad_date": (
        "de datum moet tussen 1900 en 2100 liggen",
        "the date must lie between 1900 and 2100",
    ),
    "editor.bad_int": ("dit is geen geheel getal", "this is not a whole number"),
    "editor.bad_number": (
        "dit is geen getal (schrijf bijvoorbeeld 12,5)",
        "this is not a number (write for example 12.5)",
    ),
    "editor.bad_money": (
        "dit is geen bedrag (schrijf bijvoorbeeld 1.250,00)",
        "this is not an amount (write for example 1,250.00)",
    ),
    "editor.bad_cents": (
        "gebruik hoogstens twee cijfers na de komma",
        "use at most two decimals",
    ),
    "editor.ambiguous": (
        "schrijf duizendtallen zonder punt of komma (1250) en decimalen met twee cijfers (1250,50)",
        "this could be a thousand or a decimal: write 1250 for a thousand and 1.25 for a decimal",
    ),
    "editor.too_low": ("mag niet lager zijn dan {limit}", "may not be below {limit}"),
    "editor.too_high": ("mag niet hoger zijn dan {limit}", "may not exceed {limit}"),
    "editor.where": (
        "rij {row}, kolom ‘{column}’: {problem}",
        "row {row}, column ‘{column}’: {problem}",
    ),
    "editor.cells_not_saved": (
        "Niet bewaard: {problems}. De rest van de tabel wordt wel bewaard; dit vak blijft staan "
        "tot het klopt.",
        "Not saved: {problems}. The rest of the table is saved; this cell stays as it is until "
        "it is right.",
    ),
    "editor.missing_link": ("(verwijderd)", "(removed)"),
    # --- validation ----------------------------------------------------------------------
    "error.string_too_long": (
        "de tekst is langer dan {limit} tekens",
        "the text is longer than {limit} characters",
    ),
    "error.too_long": (
        "de lijst heeft meer dan {limit} rijen",
        "the list has more than {limit} rows",
    ),
    "error.less_than_equal": (
        "de waarde mag niet hoger zijn dan {limit}",
        "the value may not exceed {limit}",
    ),
    "error.greater_than_equal": (
        "de waarde mag niet lager zijn dan {limit}",
        "the value may not be below {limit}",
    ),
    "error.web_address": (
        "een link moet beginnen met http:// of https://",
        "a link must start with http:// or https://",
    ),
    "error.decimal_max_places": (
        "gebruik hoogstens twee cijfers na de komma",
        "use at most two decimals",
    ),
    "error.date_range": (
        "de datum moet tussen 1900 en 2100 liggen",
        "the date must lie between 1900 and 2100",
    ),
    "error.float_parsing": (
        "dit is geen getal (schrijf bijvoorbeeld 12,5)",
        "this is not a number (write for example 12.5)",
    ),
    "error.decimal_parsing": (
        "dit is geen bedrag (schrijf bijvoorbeeld 1.250,00)",
        "this is not an amount (write for example 1,250.00)",
    ),
    "error.int_parsing": ("dit is geen geheel getal", "this is not a whole number"),
    "error.int_from_float": ("dit is geen geheel getal", "this is not a whole number"),
    "error.date_parsing": (
        "dit is geen datum (kies een dag in de kalender)",
        "this is not a date (pick a day in the calendar)",
    ),
    "error.date_from_datetime_parsing": (
        "dit is geen datum (kies een dag in de kalender)",
        "this is not a date (pick a day in the calendar)",
    ),
    "error.enum": ("kies een van de mogelijkheden in de lijst", "choose one of the options"),
    "error.other": ("een waarde is ongeldig", "a value is not valid"),
    "error.where_row": (
        "rij {row}, kolom ‘{column}’: {problem}",
        "row {row}, column ‘{column}’: {problem}",
    ),
    "error.where_column": ("kolom ‘{column}’: {problem}", "column ‘{column}’: {problem}"),
    "upload.label": (
        "Schets toevoegen (PNG of JPEG, max. {mb} MB)",
        "Add a sketch (PNG or JPEG, max. {mb} MB)",
    ),
    "upload.caption": (
        "Bijschrift (typ het eerst: de schets wordt bewaard zodra je het bestand kiest)",
        "Caption (type it first: the sketch is saved as soon as you choose the file)",
    ),
    "upload.add": ("Schets bewaren", "Save sketch"),
    "upload.remove": ("Verwijderen…", "Remove…"),
    "upload.remove_confirm": (
        "Schets {n} uit je designbrief verwijderen? Met ‘Geschiedenis van deze stap’ kan je ze "
        "later terugzetten.",
        "Remove sketch {n} from your design brief? ‘History of this step’ can put it back later.",
    ),
    "upload.remove_yes": ("Ja, verwijderen", "Yes, remove"),
    "upload.not_image": (
        "Dit bestand is geen afbeelding die we kunnen lezen. Gebruik PNG of JPEG. Er is niets bewaard.",
        "This file is not an image we can read. Use PNG or JPEG. Nothing was saved.",
    ),
    "upload.too_big": (
        "Dit bestand is groter dan {mb} MB. Verklein het en probeer opnieuw. Er is niets bewaard.",
        "This file is larger than {mb} MB. Make it smaller and try again. Nothing was saved.",
    ),
    "upload.too_many_pixels": (
        "Deze afbeelding heeft te veel beeldpunten (meer dan {megapixels} megapixel). Er is niets bewaard.",
        "This image has too many pixels (more than {megapixels} megapixels). Nothing was saved.",
    ),
    "upload.saved": ("Schets bewaard.", "Sketch saved."),
    "upload.none": ("Nog geen schetsen.", "No sketches yet."),
    "upload.missing_image": ("(afbeelding niet gevonden)", "(image not found)"),
    "upload.alt_untitled": ("Schets {n}, zonder onderschrift", "Sketch {n}, without a caption"),
    # --- steps ---------------------------------------------------------------------------
    "step.1.title": ("Stap 1 · Uitdaging helder benoemen", "Step 1 · Name the challenge"),
    "step.1.intro": (
        "Breng je vraagstuk scherp: wat is de aanleiding, wat weten we in cijfers, wie is "
        "betrokken, wat is het doel en wat slechts een middel? Vraag vijf keer ‘waarom’ tot je "
        "bij de grondoorzaak komt.",
        "Sharpen your question: what is the occasion, what do the figures say, who is involved, "
        "what is the goal and what only a means? Ask ‘why’ five times until you reach the root cause.",
    ),
    "step.2.title": ("Stap 2 · Wat als? Verkennen", "Step 2 · What if? Explore"),
    "step.2.intro": (
        "Verken praktijken en oplossingsrichtingen: wat zeggen de experten, wat doen de andere "
        "gemeenten, welke goede praktijken bestaan er? Koppel elke richting aan wat ze oplost.",
        "Explore practices and solution directions: what do the experts say, what do the other "
        "municipalities do, which good practices exist? Link each direction to what it solves.",
    ),
    "step.3.title": ("Stap 3 · Vertalen & testen", "Step 3 · Translate & test"),
    "step.3.intro": (
        "Vertaal de gekozen richtingen naar je eigen gemeente en test ze klein en snel: een "
        "schets, een proefopstelling, een pop-up of een gesprek. Beslis na elke test.",
        "Translate the chosen directions to your own municipality and test them small and fast: "
        "a sketch, a mock-up, a pop-up or a conversation. Decide after each test.",
    ),
    "step.4.title": ("Stap 4 · Stappenplan & verankering", "Step 4 · Roadmap & anchoring"),
    "step.4.intro": (
        "Maak een stappenplan op maat: doelstellingen, een actielijst met trekkers en deadlines, "
        "mijlpalen, en de verankering in het meerjarenplan en de besluitvorming.",
        "Make a tailored roadmap: objectives, an action list with owners and deadlines, "
        "milestones, and anchoring in the multi-year plan and decision-making.",
    ),
    "step.checks": ("Aandachtspunten voor deze stap", "Points of attention for this step"),
    "step.example": ("Voorbeeld", "Example"),
    # --- parts: step 1 -------------------------------------------------------------------
    "part.challenge.context.title": ("Aanleiding en context", "Background and context"),
    "part.challenge.context.help": (
        "Waarom werkt je gemeente nu aan dit thema? Beschrijf kort de kern, de recente "
        "evoluties en wat er al gebeurde.",
        "Why is your municipality working on this theme now? Briefly describe the centre, "
        "recent trends and what has already been done.",
    ),
    "part.challenge.context.example": (
        "De leegstand in het centrum stijgt sinds corona. Het bestuur wil in deze legislatuur "
        "een gericht leegstandsbeleid voeren.",
        "Vacancy in the centre has been rising since COVID. The council wants a targeted "
        "vacancy policy this term.",
    ),
    "part.challenge.problem.title": ("Probleemstelling", "Problem statement"),
    "part.challenge.problem.help": (
        "Wat loopt er vandaag mis, voor wie, en hoe merk je dat? Blijf bij het probleem, niet bij "
        "de oplossing.",
        "What goes wrong today, for whom, and how do you notice it? Stay with the problem, not "
        "the solution.",
    ),
    "part.challenge.problem.example": (
        "Langdurig leegstaande panden in de aanloopstraten maken het winkelparcours onaantrekkelijk.",
        "Long-term vacant buildings in the approach streets make the shopping route unattractive.",
    ),
    "part.challenge.themes.title": ("Extra themamodules", "Extra theme modules"),
    "part.challenge.themes.help": (
        "De module van het thema van je leertraject staat al in je designbrief (zie Mijn "
        "designbrief); die hoef je hier niet aan te vinken. Heeft je brief ook de "
        "instrumenten van een ander thema nodig, kies die module dan hier: ze verschijnt als "
        "tabblad in de stappen waar ze past. Een module waarin al iets staat, blijft zichtbaar "
        "tot je ze leegmaakt, ook als je ze hier uitvinkt: zo gaat niets verloren.",
        "Your trajectory's theme module is already in your design brief (see My design "
        "brief); you need not tick it here. If your brief also needs the instruments of "
        "another theme, choose that module here: it appears as a tab in the steps where it "
        "fits. A module that holds something stays visible until you empty it, even when you "
        "untick it here: that way nothing is lost.",
    ),
    "part.challenge.themes.example": (
        "Een traject rond leegstand dat ook het DNA van de kern uitwerkt",
        "A vacancy trajectory that also works out the centre's DNA",
    ),
    "matrix.title": ("Instrumentenmatrix per doelstelling", "Instrument matrix by objective"),
    "matrix.no_objective": ("Nog geen doelstelling", "No objective yet"),
    "matrix.legend": (
        "Elke cel noemt het type van het instrument: stimulerend (groen), ontradend (rood), "
        "ruimtelijk (blauw) of tijdelijk (geel).",
        "Each cell names the instrument's type: stimulating (green), discouraging (red), "
        "spatial (blue) or temporary (yellow).",
    ),
    "theme.module_title": ("Themamodule: {theme}", "Theme module: {theme}"),
    "theme.trajectory": ("Thema van het leertraject", "Theme of the trajectory"),
    "theme.none": ("Geen thema", "No theme"),
    "theme.admin_title": ("Thema's van de leertrajecten", "Themes of the trajectories"),
    "theme.admin_intro": (
        "Het thema van een leertraject bepaalt welke themamodule de designbrieven van dat "
        "traject tonen. Een ander thema kiezen wist niets: een module met gegevens blijft "
        "zichtbaar in de brief tot ze leeg is.",
        "A trajectory's theme decides which theme module its design briefs show. Choosing "
        "another theme deletes nothing: a module with data stays visible in the brief until "
        "it is empty.",
    ),
    "theme.admin_trajectory": ("Leertraject", "Trajectory"),
    "theme.admin_save": ("Thema bewaren", "Save theme"),
    "theme.admin_saved": (
        "Leertraject {number} heeft nu het thema {theme}.",
        "Trajectory {number} now has the theme {theme}.",
    ),
    "enum.dna": ("DNA van de kern", "The centre's DNA"),
    "enum.vacancy": ("Leegstand", "Vacancy"),
    "enum.wayfinding": (
        "Wayfinding & kernen langs steenwegen",
        "Wayfinding & centres along main roads",
    ),
    "enum.mixed_use": ("Verweving", "Mixed use"),
    "enum.accessibility": ("Toegankelijke kernen", "Accessible centres"),
    "enum.distribution": ("Slimme lokale distributie", "Smart local distribution"),
    "enum.centre_management": ("Centrummanagement", "Centre management"),
    "enum.real_estate": ("Vastgoed & onderhandelen", "Real estate & negotiating"),
    "part.challenge.key_figures.title": ("Kerncijfers", "Key figures"),
    "part.challenge.key_figures.help": (
        "De cijfers die je vraagstuk onderbouwen, met jaar en bron.",
        "The figures that support your question, with year and source.",
    ),
    "part.challenge.key_figures.example": (
        "Leegstaande panden · 52 · panden · 2023 · eigen telling 01/06/2023",
        "Vacant buildings · 52 · buildings · 2023 · own count 01/06/2023",
    ),
    "part.challenge.stakeholders.title": ("Betrokkenen", "Stakeholders"),
    "part.challenge.stakeholders.help": (
        "Wie heeft belang bij of invloed op dit vraagstuk? Geef belang en invloed een score van 1 tot 5.",
        "Who has an interest in or influence on this question? Score interest and influence from 1 to 5.",
    ),
    "part.challenge.stakeholders.example": (
        "Handelaarsvereniging · vertegenwoordigt de winkeliers · belang 5 · invloed 3",
        "Traders' association · represents the shopkeepers · interest 5 · influence 3",
    ),
    "part.challenge.scope_in.title": ("Binnen de scope", "In scope"),
    "part.challenge.scope_in.help": (
        "Welk gebied, welke doelgroep en welke termijn neem je mee?",
        "Which area, which target group and which time frame do you include?",
    ),
    "part.challenge.scope_in.example": (
        "Het kernwinkelgebied en de aanloopstraten.",
        "The core shopping area and approach streets.",
    ),
    "part.challenge.scope_out.title": ("Buiten de scope", "Out of scope"),
    "part.challenge.scope_out.help": (
        "Wat laat je bewust buiten beschouwing, zodat de focus scherp blijft?",
        "What do you deliberately leave out, so that the focus stays sharp?",
    ),
    "part.challenge.scope_out.example": (
        "Baanwinkels langs de steenweg.",
        "Retail parks along the main road.",
    ),
    "part.challenge.goal.title": ("Doel", "Goal"),
    "part.challenge.goal.help": (
        "Wat wil je bereiken voor de kern en haar gebruikers? Een doel beschrijft een toestand, "
        "geen instrument.",
        "What do you want to achieve for the centre and its users? A goal describes a state, "
        "not an instrument.",
    ),
    "part.challenge.goal.example": (
        "Een levendig kernwinkelgebied waar minder dan 5% van de panden langer dan een jaar leegstaat.",
        "A lively core shopping area where less than 5% of buildings are vacant for over a year.",
    ),
    "part.challenge.means.title": (
        "Middel (niet verwarren met het doel)",
        "Means (not to be mistaken for the goal)",
    ),
    "part.challenge.means.help": (
        "Welke middelen liggen al op tafel? Noem ze hier, zodat ze niet ongemerkt het doel worden.",
        "Which means are already on the table? Name them here, so that they do not quietly become the goal.",
    ),
    "part.challenge.means.example": (
        "Een hogere leegstandstaks, een premie voor starters.",
        "A higher vacancy tax, a start-up grant.",
    ),
    "part.challenge.whys.title": ("5× waarom", "5× why"),
    "part.challenge.whys.help": (
        "Vraag telkens ‘waarom?’ bij het vorige antwoord. Het laatste antwoord is je grondoorzaak.",
        "Each time, ask ‘why?’ of the previous answer. The last answer is your root cause.",
    ),
    "part.challenge.whys.example": (
        "Waarom staan panden leeg? → De huurprijzen liggen te hoog → Eigenaars wachten op een "
        "betere huurder → … → Eigenaars voelen geen kost van leegstand.",
        "Why are buildings vacant? → Rents are too high → Owners wait for a better tenant → … → "
        "Owners feel no cost of vacancy.",
    ),
    "part.challenge.whys.root": ("Grondoorzaak: {text}", "Root cause: {text}"),
    "part.challenge.question.title": ("Uitdagingsvraag", "Challenge question"),
    "part.challenge.question.help": (
        "Vat je uitdaging samen in één vraag die begint met ‘Hoe kunnen we …?’",
        "Sum up your challenge in one question that starts with ‘How might we …?’",
    ),
    "part.challenge.question.example": (
        "Hoe kunnen we eigenaars van langdurig leegstaande panden in de aanloopstraten aanzetten "
        "om hun pand opnieuw in te vullen?",
        "How might we get owners of long-term vacant buildings in the approach streets to fill "
        "their building again?",
    ),
    "part.challenge.support_lead.title": ("Politieke trekker", "Political lead"),
    "part.challenge.support_lead.help": (
        "Wie draagt dit in het bestuur?",
        "Who carries this in the council?",
    ),
    "part.challenge.support_lead.example": (
        "Schepen van lokale economie",
        "Alderman for local economy",
    ),
    "part.challenge.support_mat.title": (
        "Draagvlak managementteam (MAT)",
        "Support of the management team (MAT)",
    ),
    "part.challenge.support_mat.help": (
        "Hoe ver staat het managementteam?",
        "Where does the management team stand?",
    ),
    "part.challenge.support_mat.example": ("Geïnformeerd", "Informed"),
    "part.challenge.support_cbs.title": (
        "Draagvlak college (CBS)",
        "Support of the Board of Mayor and Aldermen (CBS)",
    ),
    "part.challenge.support_cbs.help": (
        "Hoe ver staat het college van burgemeester en schepenen?",
        "Where does the Board of Mayor and Aldermen stand?",
    ),
    "part.challenge.support_cbs.example": ("Steunt", "Supports"),
    "part.challenge.departments.title": ("Betrokken diensten", "Departments involved"),
    "part.challenge.departments.help": (
        "Werk over beleidsdomeinen heen: welke diensten zitten mee aan tafel?",
        "Work across policy domains: which departments take part?",
    ),
    "part.challenge.departments.example": (
        "Economie, ruimte, communicatie",
        "Economy, spatial planning, communication",
    ),
    "part.challenge.swot_strengths.title": ("Sterktes", "Strengths"),
    "part.challenge.swot_strengths.help": (
        "Wat heeft de kern nu al in huis?",
        "What does the centre already have?",
    ),
    "part.challenge.swot_strengths.example": (
        "Compact kernwinkelgebied",
        "Compact core shopping area",
    ),
    "part.challenge.swot_weaknesses.title": ("Zwaktes", "Weaknesses"),
    "part.challenge.swot_weaknesses.help": (
        "Wat houdt de kern vandaag tegen?",
        "What holds the centre back today?",
    ),
    "part.challenge.swot_weaknesses.example": (
        "Hoge huurprijzen in de aanloopstraten",
        "High rents in the approach streets",
    ),
    "part.challenge.swot_opportunities.title": ("Kansen", "Opportunities"),
    "part.challenge.swot_opportunities.help": (
        "Welke ontwikkelingen kan je benutten?",
        "Which developments can you use?",
    ),
    "part.challenge.swot_opportunities.example": (
        "Nieuwe woonprojecten in het centrum",
        "New housing projects in the centre",
    ),
    "part.challenge.swot_threats.title": ("Bedreigingen", "Threats"),
    "part.challenge.swot_threats.help": (
        "Welke ontwikkelingen vormen een risico?",
        "Which developments are a risk?",
    ),
    "part.challenge.swot_threats.example": (
        "Online winkelen, winkels in de periferie",
        "Online shopping, out-of-town retail",
    ),
    "part.challenge.swot.title": ("SWOT", "SWOT"),
    "part.challenge.success_criteria.title": ("Succescriteria", "Success criteria"),
    "part.challenge.success_criteria.help": (
        "Waaraan zie je over een jaar dat het gewerkt heeft?",
        "How will you see in a year that it worked?",
    ),
    "part.challenge.success_criteria.example": (
        "Langdurige leegstand in het kernwinkelgebied daalt van 11 naar 6 panden.",
        "Long-term vacancy in the core shopping area falls from 11 to 6 buildings.",
    ),
    "step_section.situatie": ("Situatie en cijfers", "Situation and figures"),
    "step_section.betrokkenen": ("Betrokkenen", "Stakeholders"),
    "step_section.afbakening": ("Scope en doel", "Scope and goal"),
    "step_section.ontwerpvraag": ("Waarom en ontwerpvraag", "Why and design question"),
    "step_section.draagvlak": ("Draagvlak", "Support"),
    "step_section.swot": ("SWOT en succescriteria", "SWOT and success criteria"),
    "step_section.wat-als": ("Wat als?", "What if?"),
    "step_section.inzichten": ("Inzichten", "Insights"),
    "step_section.praktijken": ("Goede praktijken", "Good practices"),
    "step_section.richtingen": ("Richtingen", "Directions"),
    "step_section.testopzet": ("Testopzet", "Test set-up"),
    "step_section.schetsen": ("Schetsen", "Sketches"),
    "step_section.reacties": ("Reacties", "Responses"),
    "step_section.acties": ("Doelstellingen en acties", "Objectives and actions"),
    "step_section.planning": ("Mijlpalen en tijdlijn", "Milestones and timeline"),
    "step_section.verankering": ("Verankering", "Anchoring"),
    "step_section.risicos": ("Risico's", "Risks"),
    "step_section.samenvatting": ("Samenvatting", "Summary"),
    "step_section.collegenota": ("Collegenota", "Decision note"),
    "step.next_section": ("Volgende: {section}", "Next: {section}"),
    "step.next_step": ("Verder naar {step}", "On to {step}"),
    "section.support": ("Draagvlak", "Support"),
    "section.scope": ("Scope", "Scope"),
    "section.goal_means": ("Doel versus middel", "Goal versus means"),
    "section.anchoring": ("Verankering", "Anchoring"),
    # --- parts: step 2 -------------------------------------------------------------------
    "part.explore.what_if.title": ("Wat-als-vragen", "What-if questions"),
    "part.explore.what_if.help": (
        "Denk vrij: wat als je het helemaal anders zou aanpakken?",
        "Think freely: what if you approached it completely differently?",
    ),
    "part.explore.what_if.example": (
        "Wat als leegstaande panden tijdelijk een etalage voor lokale makers worden?",
        "What if vacant buildings temporarily became a showcase for local makers?",
    ),
    "part.explore.expert_insights.title": ("Inzichten van experten", "Expert insights"),
    "part.explore.expert_insights.help": (
        "Wat leerde je van de begeleiders en gastsprekers, en in welke sessie?",
        "What did you learn from the coaches and guest speakers, and in which session?",
    ),
    "part.explore.expert_insights.example": (
        "Koppel elke actie aan een doelstelling, anders verwatert het beleid · CityD-WES · sessie 2",
        "Link every action to an objective, or the policy waters down · CityD-WES · session 2",
    ),
    "part.explore.peer_insights.title": (
        "Ervaringen van deelnemers",
        "Experiences of participants",
    ),
    "part.explore.peer_insights.help": (
        "Wat deden de andere gemeenten, en wat werkte?",
        "What did the other municipalities do, and what worked?",
    ),
    "part.explore.peer_insights.example": (
        "Een instrumentenmatrix hielp om acties aan doelstellingen te koppelen · Aalst",
        "An instrument matrix helped to link actions to objectives · Aalst",
    ),
    "part.explore.practices.title": ("Goede praktijken", "Good practices"),
    "part.explore.practices.help": (
        "Voorbeelden van elders: wat deden ze, en wat neem je mee?",
        "Examples from elsewhere: what did they do, and what do you take away?",
    ),
    "part.explore.practices.example": (
        "Vitaal Sneek · Sneek (NL) · een binnenstadsvisie met ondernemers · durf kiezen",
        "Vitaal Sneek · Sneek (NL) · a town-centre vision with entrepreneurs · dare to choose",
    ),
    "part.explore.directions.title": ("Oplossingsrichtingen", "Solution directions"),
    "part.explore.directions.help": (
        "Welke richtingen zie je? Koppel elke richting aan de grondoorzaak of het SWOT-punt dat "
        "ze beantwoordt, en geef impact en inspanning een score van 1 tot 5.",
        "Which directions do you see? Link each to the root cause or SWOT item it answers, and "
        "score impact and effort from 1 to 5.",
    ),
    "part.explore.directions.example": (
        "Leegstandsbeheerder · één aanspreekpunt voor eigenaars · impact 4 · inspanning 3",
        "Vacancy manager · one contact point for owners · impact 4 · effort 3",
    ),
    # --- parts: step 3 -------------------------------------------------------------------
    "part.prototype.chosen.title": ("Gekozen richtingen", "Chosen directions"),
    "part.prototype.chosen.help": (
        "Welke oplossingsrichtingen uit stap 2 werk je verder uit?",
        "Which solution directions from step 2 do you take further?",
    ),
    "part.prototype.chosen.example": ("Leegstandsbeheerder", "Vacancy manager"),
    "part.prototype.tests.title": ("Testen", "Tests"),
    "part.prototype.tests.help": (
        "Welke veronderstelling test je, hoe, met wie en wanneer? Wat was het resultaat en wat "
        "beslis je: doorgaan, bijsturen of stoppen?",
        "Which assumption do you test, how, with whom and when? What was the result and what do "
        "you decide: continue, adjust or stop?",
    ),
    "part.prototype.tests.example": (
        "Eigenaars reageren op een persoonlijke brief · gesprek met 5 eigenaars · 3 van 5 "
        "willen praten · doorgaan",
        "Owners respond to a personal letter · conversation with 5 owners · 3 of 5 want to talk "
        "· continue",
    ),
    "part.prototype.sketches.title": ("Schetsen", "Sketches"),
    "part.prototype.sketches.help": (
        "Visueel werken helpt: voeg schetsen, foto's van een proefopstelling of plannetjes toe.",
        "Working visually helps: add sketches, photos of a mock-up or small plans.",
    ),
    "part.prototype.sketches.example": (
        "Schets van de doorsteek aan de site Byttebier",
        "Sketch of the passage at the Byttebier site",
    ),
    "part.prototype.feedback.title": ("Feedback van betrokkenen", "Stakeholder feedback"),
    "part.prototype.feedback.help": (
        "Wat zeiden de betrokkenen over je test, en wat doe je ermee?",
        "What did stakeholders say about your test, and what do you do with it?",
    ),
    "part.prototype.feedback.example": (
        "Handelaarsvereniging · vreest extra regels · we nodigen hen uit in de stuurgroep",
        "Traders' association · fears extra rules · we invite them to the steering group",
    ),
    # --- parts: step 4 -------------------------------------------------------------------
    "part.roadmap.objectives.title": ("Doelstellingen", "Objectives"),
    "part.roadmap.objectives.help": (
        "Wat wil je concreet bereiken? Vermeld waar mogelijk de code uit het meerjarenplan.",
        "What do you concretely want to achieve? Where possible, give the multi-year plan code.",
    ),
    "part.roadmap.objectives.example": (
        "Langdurige leegstand terugdringen · BD2/AP2.1",
        "Reduce long-term vacancy · BD2/AP2.1",
    ),
    "part.roadmap.actions.title": ("Actielijst", "Action list"),
    "part.roadmap.actions.help": (
        "Elke actie heeft een trekker, een deadline en dient een doelstelling.",
        "Every action has an owner, a deadline and serves an objective.",
    ),
    "part.roadmap.actions.example": (
        "Opmaak RUP Avelgem centrum · dienst omgeving · 2024–2026 · gepland",
        "Draw up the Avelgem centre zoning plan · planning department · 2024–2026 · planned",
    ),
    "part.roadmap.milestones.title": ("Mijlpalen", "Milestones"),
    "part.roadmap.milestones.help": (
        "Welke momenten zijn belangrijk onderweg?",
        "Which moments matter along the way?",
    ),
    "part.roadmap.milestones.example": (
        "Goedkeuring in de gemeenteraad · 24 juni 2024",
        "Approval by the council · 24 June 2024",
    ),
    "part.roadmap.plan_link.title": ("Link met het meerjarenplan", "Link with the multi-year plan"),
    "part.roadmap.plan_link.help": (
        "Onder welke beleidsdoelstelling of welk actieplan valt dit?",
        "Which policy objective or action plan covers this?",
    ),
    "part.roadmap.plan_link.example": (
        "BD2 Een bruisend centrum / AP2.1 Leegstand aanpakken",
        "BD2 A lively centre / AP2.1 Tackle vacancy",
    ),
    "part.roadmap.budget_line.title": ("Budgetlijn", "Budget line"),
    "part.roadmap.budget_line.help": (
        "Welke budgetlijn draagt de kosten?",
        "Which budget line bears the costs?",
    ),
    "part.roadmap.budget_line.example": (
        "0500/64900000 Economische promotie",
        "0500/64900000 Economic promotion",
    ),
    "part.roadmap.decisions.title": ("Besluitvorming", "Decision route"),
    "part.roadmap.decisions.help": (
        "De weg langs MAT, CBS en gemeenteraad, met datum en stand van zaken.",
        "The route through MAT, CBS and council, with date and status.",
    ),
    "part.roadmap.decisions.example": (
        "CBS · 15 april 2024 · geagendeerd",
        "CBS · 15 April 2024 · on the agenda",
    ),
    "part.roadmap.successor.title": (
        "Wie draagt dit na het traject?",
        "Who carries this on after the trajectory?",
    ),
    "part.roadmap.successor.help": (
        "Wie zorgt ervoor dat het plan blijft leven als het leertraject voorbij is?",
        "Who keeps the plan alive once the trajectory is over?",
    ),
    "part.roadmap.successor.example": (
        "De centrummanager, met rapportering aan het MAT",
        "The centre manager, reporting to the MAT",
    ),
    "part.roadmap.risks.title": ("Risico's", "Risks"),
    "part.roadmap.risks.help": (
        "Wat kan mislopen, en wat doe je eraan?",
        "What can go wrong, and what do you do about it?",
    ),
    "part.roadmap.risks.example": (
        "Eigenaars haken af · persoonlijk contact via de leegstandsbeheerder",
        "Owners drop out · personal contact through the vacancy manager",
    ),
    "part.roadmap.summary.title": (
        "Samenvatting voor het college",
        "Summary for the Board of Mayor and Aldermen",
    ),
    "part.roadmap.summary.help": (
        "Een halve pagina voor het CBS: de uitdaging, de gekozen aanpak, wat het kost en wat je vraagt.",
        "Half a page for the CBS: the challenge, the chosen approach, what it costs and what you ask.",
    ),
    "part.roadmap.summary.example": (
        "We stellen voor om een leegstandsbeheerder aan te stellen en de taks te hervormen …",
        "We propose to appoint a vacancy manager and reform the tax …",
    ),
    "part.roadmap.nota_subject.title": ("Onderwerp", "Subject"),
    "part.roadmap.nota_subject.help": (
        "De collegenota is het besluit dat je aan het college van burgemeester en schepenen "
        "(CBS) voorlegt, met je designbrief als bijlage. Ze is niet verplicht. Het onderwerp "
        "staat zo op de agenda van het college en is ook de titel van het document.",
        "The collegenota is the decision you put to the Board of Mayor and Aldermen (CBS), "
        "with your design brief as its annex. It is optional. The subject is the item as it "
        "stands on the agenda of the CBS, and also the title of the document.",
    ),
    "part.roadmap.nota_subject.example": (
        "Avelgem verbonden: goedkeuring van het stappenplan en het budget 2024–2026",
        "Avelgem connected: approval of the roadmap and the budget 2024–2026",
    ),
    "part.roadmap.nota_context.title": (
        "Aanleiding en context voor het college",
        "Background and context for the Board of Mayor and Aldermen",
    ),
    "part.roadmap.nota_context.help": (
        "Waarom ligt dit nu op de tafel van het college? Kort: de situatie, het probleem en "
        "de cijfers die het tonen.",
        "Why is this before the Board of Mayor and Aldermen now? Briefly: the situation, the problem and "
        "the figures that show it.",
    ),
    "part.roadmap.nota_context.example": (
        "De N8 snijdt de kern in twee. Sinds 2019 deed de gemeente mee aan het leertraject "
        "bedrijvige kern …",
        "The N8 cuts the centre in two. Since 2019 the municipality took part in the "
        "lively centre trajectory …",
    ),
    "part.roadmap.nota_legal.title": ("Juridische grond", "Legal basis"),
    "part.roadmap.nota_legal.help": (
        "Op welke regels steunt de beslissing? Eén regel per grond; neem de suggesties over "
        "die passen.",
        "Which rules does the decision rest on? One line per basis; add the suggestions that fit.",
    ),
    "part.roadmap.nota_legal.example": (
        "Het Decreet over het lokaal bestuur van 22 december 2017, artikel 56",
        "The Local Government Decree of 22 December 2017, article 56",
    ),
    "part.roadmap.nota_advice.title": ("Adviezen", "Advice"),
    "part.roadmap.nota_advice.help": (
        "Wie gaf advies over dit voorstel (MAT, diensten), wanneer en met welk advies?",
        "Who advised on this proposal (MAT, departments), when, and what was the advice?",
    ),
    "part.roadmap.nota_advice.example": (
        "Managementteam (MAT) · 10 juni 2024 · gunstig",
        "Management team (MAT) · 10 June 2024 · favourable",
    ),
    "part.roadmap.nota_arguments.title": ("Argumentatie", "Arguments"),
    "part.roadmap.nota_arguments.help": (
        "Waarom is dit de juiste beslissing? De grondoorzaak, de gekozen richtingen en wat "
        "de tests toonden.",
        "Why is this the right decision? The root cause, the chosen directions and what the "
        "tests showed.",
    ),
    "part.roadmap.nota_arguments.example": (
        "De test met de tijdelijke doorsteek toonde dat 70 % van de voetgangers de nieuwe "
        "route neemt …",
        "The test with the temporary passage showed that 70 % of pedestrians take the new route …",
    ),
    "part.roadmap.nota_visum.title": (
        "Visum van de financieel directeur nodig?",
        "Endorsement (visum) of the financial director needed?",
    ),
    "part.roadmap.nota_visum.help": (
        "Financiële gevolgen: het budget per jaar volgt uit je actielijst; de budgetlijn en de "
        "link met het meerjarenplan vul je in bij Verankering. Vraagt de uitgave een visum?",
        "Financial consequences: the budget per year follows from your action list; the "
        "budget line and the link with the multi-year plan are under Anchoring. Does the "
        "expense need an endorsement (visum)?",
    ),
    "part.roadmap.nota_visum.example": ("Ja", "Yes"),
    "part.roadmap.nota_articles.title": ("Besluit", "Decision"),
    "part.roadmap.nota_articles.help": (
        "Wat beslist het college? Eén artikel per regel; ze worden genummerd als Artikel 1, "
        "Artikel 2 …",
        "What does the Board of Mayor and Aldermen decide? One article per row; they are numbered Article 1, "
        "Article 2 …",
    ),
    "part.roadmap.nota_articles.example": (
        "Het college keurt het stappenplan ‘Avelgem verbonden’ goed.",
        "The Board of Mayor and Aldermen approves the roadmap ‘Avelgem connected’.",
    ),
    # --- columns -------------------------------------------------------------------------
    "col.text": ("Tekst", "Text"),
    "col.indicator": ("Indicator", "Indicator"),
    "col.value": ("Waarde", "Value"),
    "col.unit": ("Eenheid", "Unit"),
    "col.year": ("Jaar", "Year"),
    "col.source": ("Bron", "Source"),
    "col.name": ("Naam", "Name"),
    "col.role": ("Rol", "Role"),
    "col.interest": ("Belang (1–5)", "Interest (1–5)"),
    "col.influence": ("Invloed (1–5)", "Influence (1–5)"),
    "col.involvement": ("Hoe betrokken", "How involved"),
    "col.insight": ("Inzicht", "Insight"),
    "col.expert": ("Expert", "Expert"),
    "col.session": ("Sessie", "Session"),
    "col.municipality": ("Gemeente", "Municipality"),
    "col.place": ("Plaats", "Place"),
    "col.what": ("Wat", "What"),
    "col.lesson": ("Les", "Lesson"),
    "col.link": ("Link", "Link"),
    "col.title": ("Titel", "Title"),
    "col.edition": ("Editie", "Edition"),
    "col.description": ("Beschrijving", "Description"),
    "col.answers": ("Beantwoordt", "Answers"),
    "col.impact": ("Impact (1–5)", "Impact (1–5)"),
    "col.effort": ("Inspanning (1–5)", "Effort (1–5)"),
    "col.direction": ("Richting", "Direction"),
    "col.idea": ("Idee", "Idea"),
    "col.assumption": ("Te testen veronderstelling", "Assumption to test"),
    "col.form": ("Vorm", "Form"),
    "col.with_whom": ("Met wie", "With whom"),
    "col.when": ("Wanneer", "When"),
    "col.measure": ("Hoe gemeten", "How measured"),
    "col.result": ("Resultaat", "Result"),
    "col.decision": ("Beslissing", "Decision"),
    "col.stakeholder": ("Betrokkene", "Stakeholder"),
    "col.feedback": ("Feedback", "Feedback"),
    "col.response": ("Wat doen we ermee", "What we do with it"),
    "col.plan_code": ("Code meerjarenplan", "Multi-year plan code"),
    "col.objective": ("Doelstelling", "Objective"),
    "col.test": ("Test", "Test"),
    "col.owner": ("Trekker", "Owner"),
    "col.partners": ("Partners", "Partners"),
    "col.start": ("Start", "Start"),
    "col.deadline": ("Deadline", "Deadline"),
    "col.budget": ("Budget (€)", "Budget (€)"),
    "col.status": ("Stand van zaken", "Status"),
    "col.priority": ("Prioriteit", "Priority"),
    "col.date": ("Datum", "Date"),
    "col.adviser": ("Adviesverlener", "Adviser"),
    "col.verdict": ("Advies", "Advice"),
    "col.remark": ("Toelichting", "Remark"),
    "col.body": ("Orgaan", "Body"),
    "col.risk": ("Risico", "Risk"),
    "col.mitigation": ("Maatregel", "Mitigation"),
    "col.caption": ("Bijschrift", "Caption"),
    "col.image_id": ("Afbeelding", "Image"),
    # --- link labels ---------------------------------------------------------------------
    "link.challenge.whys": ("Waarom {n}", "Why {n}"),
    "link.challenge.swot_strengths": ("S{n}", "S{n}"),
    "link.challenge.swot_weaknesses": ("Z{n}", "W{n}"),
    "link.challenge.swot_opportunities": ("K{n}", "O{n}"),
    "link.challenge.swot_threats": ("B{n}", "T{n}"),
    "link.explore.directions": ("Richting {n}", "Direction {n}"),
    "link.prototype.tests": ("Test {n}", "Test {n}"),
    "link.roadmap.objectives": ("Doelstelling {n}", "Objective {n}"),
    "link.roadmap.actions": ("Actie {n}", "Action {n}"),
    "link.root_cause": ("Grondoorzaak", "Root cause"),
    "link.missing": ("(verwijderd)", "(removed)"),
    # --- enums ---------------------------------------------------------------------------
    "enum.not_yet": ("Nog niet", "Not yet"),
    "enum.informed": ("Geïnformeerd", "Informed"),
    "enum.supports": ("Steunt", "Supports"),
    "enum.economy": ("Economie", "Economy"),
    "enum.spatial_planning": ("Ruimte", "Spatial planning"),
    "enum.mobility": ("Mobiliteit", "Mobility"),
    "enum.communication": ("Communicatie", "Communication"),
    "enum.heritage": ("Erfgoed", "Heritage"),
    "enum.public_works": ("Openbare werken", "Public works"),
    "enum.culture_tourism": ("Cultuur en toerisme", "Culture and tourism"),
    "enum.housing": ("Wonen", "Housing"),
    "enum.finance": ("Financiën", "Finance"),
    "enum.environment": ("Omgeving", "Environment"),
    "enum.sketch": ("Schets", "Sketch"),
    "enum.mockup": ("Proefopstelling", "Mock-up"),
    "enum.pop_up": ("Pop-up", "Pop-up"),
    "enum.conversation": ("Gesprek", "Conversation"),
    "enum.survey": ("Bevraging", "Survey"),
    "enum.walk": ("Wandeling", "Walk"),
    "enum.other": ("Andere", "Other"),
    "enum.continue": ("Doorgaan", "Continue"),
    "enum.adjust": ("Bijsturen", "Adjust"),
    "enum.stop": ("Stoppen", "Stop"),
    "enum.idea": ("Idee", "Idea"),
    "enum.planned": ("Gepland", "Planned"),
    "enum.running": ("Lopend", "Under way"),
    "enum.done": ("Afgerond", "Done"),
    "enum.on_hold": ("Gepauzeerd", "On hold"),
    "enum.high": ("Hoog", "High"),
    "enum.medium": ("Middel", "Medium"),
    "enum.low": ("Laag", "Low"),
    "enum.management_team": ("Managementteam (MAT)", "Management team (MAT)"),
    "enum.college": ("College (CBS)", "Board of Mayor and Aldermen (CBS)"),
    "enum.council": ("Gemeenteraad", "Council"),
    "enum.on_agenda": ("Geagendeerd", "On the agenda"),
    "enum.approved": ("Goedgekeurd", "Approved"),
    "enum.rejected": ("Afgewezen", "Rejected"),
    "enum.favourable": ("Gunstig", "Favourable"),
    "enum.conditional": ("Voorwaardelijk gunstig", "Favourable with conditions"),
    "enum.unfavourable": ("Ongunstig", "Unfavourable"),
    "enum.yes": ("Ja", "Yes"),
    "enum.no": ("Nee", "No"),
    # --- the collegenota ----------------------------------------------------------------
    "nota.draft_title": ("Voorstel op basis van je brief", "Suggestion based on your brief"),
    "nota.draft_none": (
        "Je brief bevat nog niets om een voorstel uit te maken.",
        "Your brief holds nothing yet to make a suggestion from.",
    ),
    "nota.accept": ("Voorstel overnemen", "Use this suggestion"),
    "nota.replaces": (
        "Dit veld is al ingevuld. *Vervangen* zet het voorstel in de plaats van je tekst (je "
        "vorige versie blijft in de geschiedenis); *Achteraan toevoegen* zet het eronder.",
        "This field is filled in already. *Replace* puts the suggestion in place of your text "
        "(your previous version stays in the history); *Add at the end* puts it below.",
    ),
    "nota.replace": ("Vervangen", "Replace"),
    "nota.cancel": ("Annuleren", "Cancel"),
    "nota.append": ("Achteraan toevoegen", "Add at the end"),
    "nota.not_saved": (
        "Het voorstel is niet bewaard: iemand anders bewaarde intussen dit onderdeel, of de "
        "databank is niet bereikbaar. Probeer opnieuw.",
        "The suggestion was not saved: someone else saved this part meanwhile, or the "
        "database cannot be reached. Try again.",
    ),
    "nota.legal_suggestions": ("Suggesties om toe te voegen", "Suggestions to add"),
    "nota.legal_add": ("Toevoegen", "Add"),
    "nota.legal_added": ("Staat er al in", "Already in"),
    "nota.legal.local_government": (
        "Het Decreet over het lokaal bestuur van 22 december 2017, in het bijzonder artikel 56 "
        "over de bevoegdheden van het college van burgemeester en schepenen.",
        "The Local Government Decree of 22 December 2017 (Decreet over het lokaal bestuur), in "
        "particular article 56 on the powers of the Board of Mayor and Aldermen.",
    ),
    "nota.legal.cycle": (
        "Het besluit van de Vlaamse Regering van 30 maart 2018 over de beleids- en "
        "beheerscyclus van de lokale besturen.",
        "The Flemish Government Order of 30 March 2018 on the policy and management cycle "
        "of local authorities.",
    ),
    "nota.legal.plan": (
        "Het meerjarenplan van de gemeente en de aanpassingen ervan.",
        "The municipality's multi-year plan and its amendments.",
    ),
    "nota.legal.retail": (
        "Het Decreet integraal handelsvestigingsbeleid van 15 juli 2016.",
        "The Integrated Retail Establishment Policy Decree of 15 July 2016.",
    ),
    "nota.budget_title": ("Budget per jaar", "Budget per year"),
    "nota.budget_rule": (
        "Het budget van elke actie is verdeeld over de kalenderjaren van start tot deadline "
        "(beide dagen inbegrepen), naar verhouding van het aantal dagen in elk jaar; afgerond "
        "op de cent, het verschil gaat naar het laatste jaar.",
        "Each action's budget is split over the calendar years from start to deadline (both "
        "days included), in proportion to the number of days in each year; rounded to the "
        "cent, the difference goes to the last year.",
    ),
    "nota.budget_year": ("Jaar", "Year"),
    "nota.budget_amount": ("Bedrag", "Amount"),
    "nota.budget_no_year": ("In geen jaar te plaatsen", "In no year"),
    "nota.budget_none": (
        "Nog geen acties met een budget in je actielijst.",
        "No actions with a budget in your action list yet.",
    ),
    "nota.budget_unplaced": (
        "{amount} valt in geen enkel jaar: {actions} (geen start of deadline, of een "
        "deadline vóór de start). Vul de data aan in je actielijst.",
        "{amount} falls in no year: {actions} (no start or deadline, or a deadline before the "
        "start). Complete the dates in your action list.",
    ),
    "nota.draft.figures": ("Enkele kerncijfers:", "Some key figures:"),
    "nota.draft.figure_source": ("bron: {source}", "source: {source}"),
    "nota.draft.root_cause": (
        "De grondoorzaak van het probleem: {text}",
        "The root cause of the problem: {text}",
    ),
    "nota.draft.directions": (
        "Daarom kozen we deze richtingen:",
        "That is why we chose these directions:",
    ),
    "nota.draft.tests": ("Wat de tests toonden:", "What the tests showed:"),
    "nota.draft.department": ("Dienst {name}", "{name} department"),
    "nota.draft.and": (" en ", " and "),
    "nota.article.plan_unnamed": (
        "Het college keurt het plan goed, zoals beschreven in de designbrief in bijlage.",
        "The Board of Mayor and Aldermen approves the plan, as described in the annexed design brief.",
    ),
    "nota.article.budget": (
        "Het college keurt het budget van {amount} voor {years} goed.",
        "The Board of Mayor and Aldermen approves the budget of {amount} for {years}.",
    ),
    "nota.article.budget_line": (
        "Het college keurt het budget van {amount} voor {years} goed, in te schrijven op {line}.",
        "The Board of Mayor and Aldermen approves the budget of {amount} for {years}, to be entered on {line}.",
    ),
    "nota.article.owner": (
        "Het college belast {owner} met de uitvoering.",
        "The Board of Mayor and Aldermen charges {owner} with the implementation.",
    ),
    "nota.article.council": (
        "Het college legt het plan voor aan de gemeenteraad.",
        "The Board of Mayor and Aldermen submits the plan to the municipal council.",
    ),
    "nota.doc.title": (
        "Collegenota",
        "Decision note (collegenota) for the Board of Mayor and Aldermen (CBS)",
    ),
    "nota.doc.meeting": (
        "Vergadering van het college",
        "Meeting of the Board of Mayor and Aldermen",
    ),
    "nota.doc.authors": ("Dienst / auteur", "Department / author"),
    "nota.doc.subject": ("Onderwerp", "Subject"),
    "nota.doc.context": ("Aanleiding en context", "Background and context"),
    "nota.doc.legal": ("Juridische grond", "Legal basis"),
    "nota.doc.advice": ("Adviezen", "Advice"),
    "nota.doc.arguments": ("Argumentatie", "Arguments"),
    "nota.doc.finance": ("Financiële gevolgen", "Financial consequences"),
    "nota.doc.decision": ("Besluit", "Decision"),
    "nota.doc.annexes": ("Bijlagen", "Annexes"),
    "nota.doc.name": ("Collegenota", "Decision note"),
    "nota.doc.annex_mark": (
        "Bijlage 1 bij de collegenota",
        "Annex 1 to the decision note",
    ),
    "nota.doc.article": ("Artikel {n}.", "Article {n}."),
    "nota.doc.annex_brief": ("Designbrief {municipality}", "Design brief {municipality}"),
    "nota.doc.visum": (
        "Visum van de financieel directeur nodig",
        "Endorsement (visum) of the financial director needed",
    ),
    # --- checks --------------------------------------------------------------------------
    "check.nota_budget_differs": (
        "Het besluit van je collegenota noemt een ander bedrag dan de actielijst, die nu "
        "{amount} telt: pas het artikel aan of neem het voorstel opnieuw over.",
        "The decision in your decision note names another amount than the action list, which "
        "now adds up to {amount}: change the article or take over the draft again.",
    ),
    "check.empty": ("‘{part}’ is nog leeg.", "‘{part}’ is still empty."),
    "check.swot_quadrant_empty": (
        "Het SWOT-kwadrant ‘{part}’ is leeg.",
        "The SWOT quadrant ‘{part}’ is empty.",
    ),
    "check.question_form": (
        "Je uitdagingsvraag begint niet met ‘Hoe kunnen we …’.",
        "Your challenge question does not start with ‘How might we …’.",
    ),
    "check.goal_is_means": (
        "Je doel leest als een middel (‘{word}’). Beschrijf wat je wil bereiken, niet hoe.",
        "Your goal reads like a means (‘{word}’). Describe what you want to achieve, not how.",
    ),
    "check.whys_short": (
        "Je 5× waarom telt {count} stap(pen). Vraag door tot je bij de grondoorzaak bent.",
        "Your 5× why has {count} step(s). Keep asking until you reach the root cause.",
    ),
    "check.figure_source": (
        "Kerncijfer ‘{name}’ mist een jaar of een bron.",
        "Key figure ‘{name}’ lacks a year or a source.",
    ),
    "check.stakeholder_scores": (
        "Betrokkene ‘{name}’ mist een score voor belang of invloed.",
        "Stakeholder ‘{name}’ lacks a score for interest or influence.",
    ),
    "check.no_lead": ("Er is nog geen politieke trekker.", "There is no political lead yet."),
    "check.direction_unlinked": (
        "Oplossingsrichting ‘{name}’ beantwoordt geen grondoorzaak of SWOT-punt.",
        "Solution direction ‘{name}’ answers no root cause or SWOT item.",
    ),
    "check.direction_unscored": (
        "Oplossingsrichting ‘{name}’ mist een score voor impact of inspanning.",
        "Solution direction ‘{name}’ lacks a score for impact or effort.",
    ),
    "check.direction_untested": (
        "Gekozen richting ‘{name}’ werd nog niet getest.",
        "Chosen direction ‘{name}’ has not been tested yet.",
    ),
    "check.test_no_decision": (
        "Test ‘{name}’ heeft nog geen beslissing (doorgaan, bijsturen of stoppen).",
        "Test ‘{name}’ has no decision yet (continue, adjust or stop).",
    ),
    "check.test_no_measure": (
        "Test ‘{name}’ zegt niet hoe je meet.",
        "Test ‘{name}’ does not say how you measure.",
    ),
    "check.test_without_action": (
        "Test ‘{name}’ besliste ‘doorgaan’, maar geen actie bouwt erop verder.",
        "Test ‘{name}’ decided ‘continue’, but no action builds on it.",
    ),
    "check.action_no_owner": (
        "Actie ‘{name}’ heeft geen trekker.",
        "Action ‘{name}’ has no owner.",
    ),
    "check.action_no_deadline": (
        "Actie ‘{name}’ heeft geen deadline.",
        "Action ‘{name}’ has no deadline.",
    ),
    "check.action_deadline_before_start": (
        "Actie ‘{name}’ heeft een deadline vóór de start.",
        "Action ‘{name}’ has a deadline before its start.",
    ),
    "check.action_no_objective": (
        "Actie ‘{name}’ dient geen doelstelling.",
        "Action ‘{name}’ serves no objective.",
    ),
    "check.objective_no_action": (
        "Doelstelling ‘{name}’ heeft nog geen actie.",
        "Objective ‘{name}’ has no action yet.",
    ),
    "check.link_broken": (
        "‘{name}’ verwijst naar iets dat verwijderd werd.",
        "‘{name}’ refers to something that was removed.",
    ),
    "check.no_decision_route": (
        "De besluitvorming langs MAT, CBS en gemeenteraad is nog niet gepland.",
        "The decision route through MAT, CBS and council is not planned yet.",
    ),
    # --- Word export -------------------------------------------------------------------
    "doc.title": ("Designbrief", "Design brief"),
    "doc.subject": (
        "Designbrief {municipality} — leertraject {number}",
        "Design brief {municipality} — trajectory {number}",
    ),
    # The subject of a document that opens with the collegenota (alone or with the brief).
    "doc.subject_nota": (
        "Collegenota {municipality} — leertraject {number}",
        "Decision note {municipality} — trajectory {number}",
    ),
    "doc.keywords": ("bedrijvige kern; designbrief; VLAIO", "lively centre; design brief; VLAIO"),
    "doc.municipality": ("Gemeente", "Municipality"),
    "doc.trajectory": ("Leertraject", "Learning trajectory"),
    "doc.trajectory_value": ("{number}. {title}", "{number}. {title}"),
    "doc.date": ("Datum", "Date"),
    "doc.authors": ("Auteurs", "Authors"),
    "doc.coaches": ("Begeleiding", "Coaches"),
    "doc.version": ("Versie", "Version"),
    "doc.programme": ("Programma", "Programme"),
    "doc.programme_value": (
        "VLAIO · Bedrijvige kern",
        "VLAIO · Bedrijvige kern (lively town centres)",
    ),
    "doc.submitted": (
        "Voorgelegd aan het college op {day}",
        "Submitted to the Board of Mayor and Aldermen (CBS) on {day}",
    ),
    "doc.timeline_item": ("Actie of mijlpaal", "Action or milestone"),
    "doc.timeline_backwards": ("deadline vóór de start", "deadline before the start"),
    "doc.timeline_undated": ("zonder start en deadline", "no start or deadline"),
    "doc.not_started": ("nog niet ingevuld", "not filled in yet"),
    "doc.cohort_budget": ("Budget van het leertraject", "Budget of the trajectory"),
    "doc.budget": ("Budget", "Budget"),
    "doc.version_value": ("laatst bewaard op {moment}", "last saved on {moment}"),
    "doc.contents": ("Inhoud", "Contents"),
    "doc.toc_placeholder": (
        "De inhoudstafel wordt bijgewerkt wanneer je het document opent (of: rechtermuisklik › Veld bijwerken).",
        "The table of contents is updated when you open the document (or: right-click › Update field).",
    ),
    "doc.footer": (
        "{municipality} · {document} · pagina ",
        "{municipality} · {document} · page ",
    ),
    "doc.footer_of": (" van ", " of "),
    "doc.page": ("pagina ", "page "),
    "doc.to_fill": ("nog in te vullen", "still to be filled in"),
    "doc.figure": ("Figuur", "Figure"),
    "doc.image_unreadable": (
        "[Deze afbeelding kon niet gelezen worden en is weggelaten.]",
        "[This image could not be read and was left out.]",
    ),
    "doc.total": ("Totaal", "Total"),
    "doc.table_more": ("{title} (vervolg)", "{title} (continued)"),
    "doc.number": ("Nr.", "No."),
    "doc.leads_to": ("Leidt tot", "Leads to"),
    "doc.timeline_note": (
        "Gekleurde vakjes tonen wanneer een actie loopt; ◆ is een mijlpaal.",
        "Shaded cells show when an action runs; ◆ marks a milestone.",
    ),
    "doc.quarter": ("K{quarter} {year}", "Q{quarter} {year}"),
    "doc.actions_by_status": ("Acties per stand van zaken", "Actions by status"),
    "doc.top_directions": ("Belangrijkste richtingen", "Top directions"),
    "doc.cohort_title": ("Overzicht van het leertraject", "Overview of the trajectory"),
    "doc.cohort_intro": (
        "Per gemeente: de uitdagingsvraag, de grondoorzaak, de richtingen met de hoogste impact en de acties per stand van zaken.",
        "Per municipality: the challenge question, the root cause, the directions with the highest impact and the actions by status.",
    ),
    # --- export page ---------------------------------------------------------------------
    "nav.export": ("Exporteren", "Export"),
    "export.title": (
        "Collegenota en designbrief exporteren",
        "Export the decision note and the design brief",
    ),
    "export.intro": (
        "Maak het document voor het managementteam en het college: in Word om nog te bewerken, of als PDF om te versturen.",
        "Make the document for the management team and the Board of Mayor and Aldermen: in Word to edit it further, or as PDF to send it.",
    ),
    "export.include": (
        "Wat neem je op uit de designbrief?",
        "What do you include from the design brief?",
    ),
    "export.form": ("Welk document?", "Which document?"),
    "export.form.both": (
        "Collegenota met de designbrief als bijlage",
        "Decision note with the design brief as its annex",
    ),
    "export.form.nota": ("Alleen de collegenota", "The decision note only"),
    "export.form.brief": ("Alleen de designbrief", "The design brief only"),
    "export.nota_empty": (
        "De collegenota is nog leeg. Je bereidt ze voor in stap 4, deel ‘Collegenota’; tot "
        "dan staat alleen haar titel in het document.",
        "The decision note is still empty. You prepare it in step 4, section ‘Decision note’; until "
        "then only its title is in the document.",
    ),
    "export.nota_go": ("Naar de collegenota in stap 4", "To the decision note in step 4"),
    "export.file_kind": ("Bestandsformaat", "File format"),
    "export.file_kind.docx": ("Word (.docx), bewerkbaar", "Word (.docx), editable"),
    "export.file_kind.pdf": ("PDF, om te versturen", "PDF, to send"),
    "export.pdf_unavailable": (
        "PDF kan op deze server niet: LibreOffice is er niet geïnstalleerd. Maak een "
        "Word-document en bewaar het in Word als PDF.",
        "PDF is not possible on this server: LibreOffice is not installed on it. Make a Word "
        "document and save it as PDF in Word.",
    ),
    "export.pdf_failed": (
        "De PDF kon niet gemaakt worden. Je designbrief is niet gewijzigd. Kies Word en "
        "bewaar het document in Word als PDF.",
        "The PDF could not be made. Your design brief was not changed. Choose Word and save "
        "the document as PDF in Word.",
    ),
    "export.summary": (
        "Samenvatting voor het college",
        "Summary for the Board of Mayor and Aldermen",
    ),
    "export.sketches": ("Schetsen", "Sketches"),
    "export.empty": ("Lege onderdelen", "Empty parts"),
    "export.empty_omit": ("weglaten", "leave out"),
    "export.empty_mark": ("tonen als ‘nog in te vullen’", "show as ‘still to be filled in’"),
    "export.private_later": (
        "De feedback van de begeleiders staat niet in het document: die is voor jou en je "
        "begeleiders, het document voor het MAT en het college.",
        "The coaches' feedback is not in the document: it is for you and your coaches, the "
        "document for the management team and the Board of Mayor and Aldermen.",
    ),
    "export.build": ("Document maken", "Make the document"),
    "export.building": ("Het document wordt gemaakt …", "Making the document …"),
    "export.ready": ("Het document is klaar.", "The document is ready."),
    "export.download": ("Download {name}", "Download {name}"),
    "export.failed": (
        "Het document kon niet gemaakt worden ({reason}). Je designbrief is niet gewijzigd. Probeer opnieuw of meld het aan de begeleider.",
        "The document could not be made ({reason}). Your design brief was not changed. Try again or tell your coach.",
    ),
    "export.file_name.brief": (
        "Designbrief {municipality} {day}",
        "Design brief {municipality} {day}",
    ),
    "export.file_name.nota": (
        "Collegenota {municipality} {day}",
        "Decision note {municipality} {day}",
    ),
    "export.file_name.both": (
        "Collegenota en designbrief {municipality} {day}",
        "Decision note and design brief {municipality} {day}",
    ),
    # --- accounts ----------------------------------------------------------------------
    # Streamlit's own strings (components/chrome.py): the English is Streamlit's, exactly.
    "chrome.skip_to_content": ("Naar de inhoud", "Skip to main content"),
    "chrome.collapse_sidebar": ("Zijbalk inklappen", "Collapse sidebar"),
    "chrome.expand_sidebar": ("Zijbalk uitklappen", "Expand sidebar"),
    "chrome.sidebar": ("Zijbalk", "Sidebar"),
    "chrome.app_pages": ("Pagina's van de app", "App pages"),
    "chrome.choose_option": ("Kies een optie", "Choose an option"),
    "chrome.clear_all": ("Alles wissen", "Clear all"),
    "chrome.clear_value": ("Keuze wissen", "Clear value"),
    "chrome.no_results": ("Geen resultaten", "No results"),
    "chrome.download_csv": ("Downloaden als CSV", "Download as CSV"),
    "chrome.search": ("Zoeken", "Search"),
    "chrome.show_hide_columns": ("Kolommen tonen of verbergen", "Show/hide columns"),
    "chrome.fullscreen": ("Volledig scherm", "Fullscreen"),
    "chrome.fullscreen_of": ("Volledig scherm: {name}", "Fullscreen: {name}"),
    "chrome.exit_fullscreen": ("Volledig scherm sluiten", "Exit fullscreen"),
    "chrome.link_to_heading": ("Link naar deze titel", "Link to heading"),
    "chrome.choose_date": ("Kies een datum", "Choose date"),
    "chrome.date_day": ("dag, {label}", "day, {label}"),
    "chrome.date_month": ("maand, {label}", "month, {label}"),
    "chrome.date_year": ("jaar, {label}", "year, {label}"),
    "chrome.show_password": ("Wachtwoord tonen", "Show password"),
    "chrome.hide_password": ("Wachtwoord verbergen", "Hide password"),
    "chrome.file_upload": ("bestand opladen", "file upload"),
    "chrome.upload": ("Bestand kiezen", "Upload"),
    "chrome.drag_and_drop": ("Sleep een bestand hierheen", "Drag and drop a file here"),
    "chrome.per_file": ("max. {size} MB per bestand", "{size}MB per file"),
    "chrome.add_row": ("Rij toevoegen", "Add row"),
    "chrome.enter_to_apply": ("Druk op Enter om toe te passen", "Press Enter to apply"),
    "chrome.key_enter_to_apply": (
        "Druk op {key}+Enter om toe te passen",
        "Press {key}+Enter to apply",
    ),
    "chrome.enter_to_submit": ("Druk op Enter om te versturen", "Press Enter to submit form"),
    "chrome.key_enter_to_submit": (
        "Druk op {key}+Enter om te versturen",
        "Press {key}+Enter to submit form",
    ),
    "chrome.page_not_found": ("Pagina niet gevonden", "Page not found"),
    "chrome.page_not_found_message": (
        "Deze pagina bestaat niet. De startpagina wordt getoond.",
        "The page that you have requested does not seem to exist. Running the app's main page.",
    ),
    "chrome.progress": ("voortgang", "progress"),
    "chrome.running": ("Bezig…", "Running..."),
    "chrome.stop": ("Stoppen", "Stop"),
    "chrome.close": ("Sluiten", "Close"),
    "chrome.open": ("Openen", "Open"),
    "auth.forgot": (
        "Wachtwoord vergeten? Vraag je coach of de programmabeheerder om een link om een nieuw "
        "wachtwoord te kiezen; die komt per e-mail.",
        "Forgot your password? Ask your coach or the programme administrator for a link to "
        "choose a new one; it comes by e-mail.",
    ),
    "auth.login_title": ("Aanmelden bij Kernbrief", "Log in to Kernbrief"),
    "auth.login": ("Aanmelden", "Log in"),
    "auth.logout": ("Afmelden", "Log out"),
    "auth.logout_title": ("Afmelden bij Kernbrief", "Log out of Kernbrief"),
    "auth.logout_confirm": (
        "Wil je je afmelden? Je aanmelding eindigt dan in elk tabblad.",
        "Do you want to log out? Your login then ends in every tab.",
    ),
    "auth.email": ("E-mailadres", "E-mail address"),
    "auth.password": ("Wachtwoord", "Password"),
    "auth.name": ("Naam", "Name"),
    "auth.new_password": (
        "Nieuw wachtwoord (minstens 12 tekens)",
        "New password (at least 12 characters)",
    ),
    "auth.password_rule": (
        "Kies minstens 12 tekens, bijvoorbeeld enkele woorden met spaties. Geen veelgebruikt wachtwoord en niets van je naam, e-mailadres of gemeente.",
        "Choose at least 12 characters, for example a few words with spaces. No commonly used password, and nothing of your name, e-mail address or municipality.",
    ),
    "auth.password_again": ("Nieuw wachtwoord, nog eens", "New password, again"),
    "auth.current_password": ("Huidig wachtwoord", "Current password"),
    "auth.save_password": ("Wachtwoord bewaren", "Save password"),
    "auth.create_account": ("Account aanmaken", "Create account"),
    "auth.refused": (
        "Aanmelden lukt niet met dit e-mailadres en wachtwoord. Na herhaalde pogingen wordt aanmelden even geblokkeerd.",
        "Logging in with this e-mail address and password did not work. After repeated attempts logging in is blocked for a while.",
    ),
    "auth.form_expired": (
        "Het formulier was verlopen. Probeer opnieuw.",
        "The form had expired. Please try again.",
    ),
    "auth.form_too_large_title": ("Formulier te groot", "Form too large"),
    "auth.form_too_large": (
        "Dit formulier is te groot om te versturen. Probeer opnieuw met kortere velden.",
        "This form is too large to send. Try again with shorter fields.",
    ),
    "auth.passwords_differ": (
        "De twee wachtwoorden zijn niet gelijk.",
        "The two passwords differ.",
    ),
    "auth.password_set": (
        "Je wachtwoord is bewaard. Meld je aan.",
        "Your password was saved. Please log in.",
    ),
    "auth.demo_accounts": (
        "Demomodus: meld je aan met een van deze accounts, wachtwoord ‘{password}’.",
        "Demo mode: log in with one of these accounts, password ‘{password}’.",
    ),
    "auth.code_title": ("Deze link werkt niet", "This link does not work"),
    "auth.code_unknown": (
        "Deze link is ongeldig. Vraag een nieuwe aan je begeleider.",
        "This link is not valid. Ask your coach for a new one.",
    ),
    "auth.code_used": (
        "Deze link werd al gebruikt. Meld je aan of vraag een nieuwe link.",
        "This link was already used. Log in or ask for a new link.",
    ),
    "auth.code_expired": (
        "Deze link is verlopen. Vraag een nieuwe aan je begeleider.",
        "This link has expired. Ask your coach for a new one.",
    ),
    "auth.code_full": (
        "Dit leertraject telt al 10 gemeenten. Neem contact op met de begeleider.",
        "This trajectory already has 10 municipalities. Please contact the coach.",
    ),
    "auth.account_email_taken": (
        "Er bestaat al een account met dit e-mailadres. Meld je aan.",
        "An account with this e-mail address exists. Please log in.",
    ),
    "auth.account_password_short": (
        "Kies een wachtwoord van minstens 12 tekens.",
        "Choose a password of at least 12 characters.",
    ),
    "auth.account_password_common": (
        "Dit wachtwoord is te makkelijk te raden: het wordt veel gebruikt of lijkt sterk op een veelgebruikt wachtwoord. Kies een ander, bijvoorbeeld enkele woorden die niet bij elkaar horen.",
        "This password is too easy to guess: it is commonly used or close to a commonly used password. Choose another, for example a few words that do not belong together.",
    ),
    "auth.account_password_personal": (
        "Gebruik je naam, je e-mailadres of je gemeente niet in je wachtwoord: wie jou kent, raadt het.",
        "Do not use your name, your e-mail address or your municipality in your password: anyone who knows you would guess it.",
    ),
    "auth.account_name_missing": ("Vul je naam in.", "Fill in your name."),
    "auth.account_wrong_password": (
        "Het huidige wachtwoord klopt niet.",
        "The current password is not right.",
    ),
    "auth.account_trajectory_full": (
        "Dit leertraject telt al 10 gemeenten; een nieuwe gemeente kan niet meer instappen.",
        "This trajectory already has 10 municipalities; no new municipality can join.",
    ),
    "auth.account_municipality_missing": ("Vul de gemeente in.", "Fill in the municipality."),
    "auth.invitation_title": ("Welkom in het leertraject", "Welcome to the trajectory"),
    "auth.invitation_for": (
        "Je bent uitgenodigd als deelnemer voor {municipality}.",
        "You are invited as a participant for {municipality}.",
    ),
    "auth.reset_title": ("Nieuw wachtwoord kiezen", "Choose a new password"),
    "auth.email_step": (
        "Vul je e-mailadres in. We sturen er een code naartoe, zodat we weten dat het adres van jou is.",
        "Fill in your e-mail address. We send a code to it, so that we know the address is yours.",
    ),
    "auth.send_code": ("Stuur mij een code", "Send me a code"),
    "auth.send_code_again": ("Stuur een nieuwe code", "Send a new code"),
    "auth.code_sent": (
        "We hebben een code gestuurd naar {email}. Ze blijft {minutes} minuten geldig. Niets gekregen? Kijk in je map met ongewenste mail of vraag een nieuwe code.",
        "We sent a code to {email}. It stays valid for {minutes} minutes. Nothing arrived? Look in your junk mail folder or ask for a new code.",
    ),
    "auth.email_code": ("Code uit de e-mail", "Code from the e-mail"),
    "auth.email_code_wrong": (
        "Deze code klopt niet. Kijk de code in de e-mail na en probeer opnieuw.",
        "This code is not right. Check the code in the e-mail and try again.",
    ),
    "auth.email_code_missing": (
        "Er is geen geldige code (meer) voor dit e-mailadres. Vraag een nieuwe code.",
        "There is no valid code (any more) for this e-mail address. Ask for a new code.",
    ),
    "auth.email_code_attempts": (
        "Te veel foute pogingen met deze code. Vraag een nieuwe code.",
        "Too many wrong attempts with this code. Ask for a new code.",
    ),
    "auth.email_code_too_many": (
        "Voor deze uitnodiging werden het voorbije uur al te veel codes gevraagd. Probeer het later opnieuw.",
        "Too many codes were asked for this invitation in the past hour. Please try again later.",
    ),
    "auth.account_email_invalid": (
        "Vul een geldig e-mailadres in.",
        "Fill in a valid e-mail address.",
    ),
    "auth.mail_not_configured": (
        "E-mail is niet ingesteld op deze server, dus we kunnen geen code sturen. Vraag je begeleider om een uitnodiging op je e-mailadres.",
        "E-mail is not configured on this server, so we cannot send a code. Ask your coach for an invitation to your e-mail address.",
    ),
    "auth.mail_failed": (
        "De e-mail kon niet worden verstuurd. Probeer het later opnieuw.",
        "The e-mail could not be sent. Please try again later.",
    ),
    "auth.intro": (
        "Meld je aan om aan je designbrief te werken. Een account krijg je via een uitnodiging van je begeleider.",
        "Log in to work on your design brief. You get an account through an invitation from your coach.",
    ),
    "auth.sso": ("Aanmelden met je organisatieaccount", "Log in with your organisation account"),
    "auth.sso_unknown": (
        "Je organisatieaccount ({email}) is nog niet gekoppeld aan een account in Kernbrief. Vraag je begeleider om een uitnodiging voor dit adres, of meld je af en meld je aan met je wachtwoord.",
        "Your organisation account ({email}) is not linked to a Kernbrief account yet. Ask your coach for an invitation for this address, or log out and log in with your password.",
    ),
    "auth.sso_ended": (
        "Je bent afgemeld. Meld je opnieuw aan met je organisatieaccount.",
        "You are logged out. Log in again with your organisation account.",
    ),
    "auth.no_brief": (
        "Er is nog geen designbrief voor jouw gemeente in een leertraject. Vraag je begeleider om een uitnodiging.",
        "There is no design brief for your municipality in a trajectory yet. Ask your coach for an invitation.",
    ),
    "role.participant": ("deelnemer", "participant"),
    "role.coach": ("begeleider", "coach"),
    "role.admin": ("programmabeheerder", "programme admin"),
    "nav.account": ("Mijn account", "My account"),
    "nav.coach": ("Begeleiding", "Coaching"),
    "nav.programme": ("Programma", "Programme"),
    "nav.people": ("Mensen en rollen", "People and roles"),
    "nav.audit": ("Logboek", "Audit log"),
    "nav.login": ("Aanmelden", "Log in"),
    "account.title": ("Mijn account", "My account"),
    "account.role": ("Rol: {role}", "Role: {role}"),
    "account.change_password": ("Wachtwoord wijzigen", "Change password"),
    "account.password_changed": (
        "Je wachtwoord is gewijzigd. Op je andere toestellen en browsers ben je afgemeld.",
        "Your password was changed. You were logged out on your other devices and browsers.",
    ),
    "account.logins": ("Waar je aangemeld bent", "Where you are logged in"),
    "account.logins_help": (
        "Een aanmelding eindigt na {minutes} minuten zonder activiteit en ten laatste {hours} uur nadat je je aanmeldde. Herken je een aanmelding niet? Meld je overal af en wijzig je wachtwoord.",
        "A login ends after {minutes} minutes without activity and at the latest {hours} hours after you logged in. Do you not recognise a login? Log out everywhere and change your password.",
    ),
    "account.login_device": ("Browser en toestel", "Browser and device"),
    "account.login_started": ("Aangemeld op", "Logged in at"),
    "account.login_last_seen": ("Laatst actief", "Last active"),
    "account.login_this": ("Deze login", "This login"),
    "account.this_login": ("deze login", "this login"),
    "account.no_logins": (
        "Je bent nergens aangemeld met je wachtwoord.",
        "You are not logged in anywhere with your password.",
    ),
    "account.end_others": ("Andere logins beëindigen", "End other logins"),
    "account.others_ended": (
        "Je andere logins zijn beëindigd. Deze login blijft actief.",
        "Your other logins were ended. This login stays active.",
    ),
    "account.end_everywhere": ("Overal afmelden", "Log out everywhere"),
    "account.ended_everywhere": (
        "Je bent overal afgemeld, ook hier.",
        "You were logged out everywhere, here too.",
    ),
    "auth.login_ended": (
        "Je bent niet meer aangemeld. Een aanmelding eindigt na {minutes} minuten zonder activiteit, {hours} uur nadat je je aanmeldde, en wanneer je op een ander toestel je wachtwoord wijzigt of overal afmeldt. Meld je opnieuw aan om verder te werken.",
        "You are no longer logged in. A login ends after {minutes} minutes without activity, {hours} hours after you logged in, and when you change your password or log out everywhere on another device. Log in again to continue.",
    ),
    "device.browser_on_system": ("{browser} op {system}", "{browser} on {system}"),
    "device.unknown": ("onbekende browser", "unknown browser"),
    "coach.title": ("Begeleiding", "Coaching"),
    "coach.trajectories": ("Jouw leertrajecten", "Your trajectories"),
    "coach.invite": ("Deelnemer uitnodigen", "Invite a participant"),
    "coach.invite_help": (
        "Een uitnodiging is {days} dagen geldig en werkt één keer. Met een e-mailadres gaat ze per e-mail naar dat adres. Zonder e-mailadres krijg je een link om zelf door te geven; wie hem opent, bevestigt eerst zijn e-mailadres met een code die we ernaartoe mailen. Een collega van een gemeente die al deelneemt, kan mee aan dezelfde designbrief werken.",
        "An invitation is valid for {days} days and works once. With an e-mail address it is e-mailed to that address. Without one you get a link to pass on yourself; whoever opens it first confirms their e-mail address with a code we mail to it. A colleague from a municipality that already takes part can work on the same design brief.",
    ),
    "coach.trajectory": ("Leertraject", "Trajectory"),
    "coach.municipality": ("Gemeente", "Municipality"),
    "coach.email": ("E-mailadres (optioneel)", "E-mail address (optional)"),
    "coach.make_invitation": ("Uitnodiging maken", "Make invitation"),
    "coach.invitation_link": (
        "Stuur deze link naar de deelnemer (eenmalig, {days} dagen geldig). Wie hem opent, bevestigt eerst zijn e-mailadres met een code die we mailen:",
        "Send this link to the participant (single use, valid {days} days). Whoever opens it first confirms their e-mail address with a code we mail:",
    ),
    "coach.invitation_sent": (
        "Er is een e-mail met de uitnodiging verstuurd naar {email}. De uitnodiging werkt één keer, {days} dagen lang.",
        "An e-mail with the invitation was sent to {email}. The invitation works once, for {days} days.",
    ),
    "coach.reset": ("Wachtwoord herstellen", "Reset a password"),
    "coach.reset_email": ("E-mailadres van de deelnemer", "E-mail address of the participant"),
    "coach.make_reset": ("Herstellink mailen", "E-mail a reset link"),
    "coach.reset_help": (
        "De link gaat per e-mail naar de deelnemer zelf; je krijgt hem niet te zien.",
        "The link is e-mailed to the participant; it is not shown to you.",
    ),
    "coach.reset_sent": (
        "Er is een e-mail met een nieuwe link verstuurd naar {email}. De link werkt één keer, {hours} uur lang.",
        "An e-mail with a new link was sent to {email}. The link works once, for {hours} hours.",
    ),
    "coach.reset_unknown": (
        "Dit e-mailadres hoort niet bij een deelnemer van jouw leertrajecten.",
        "This e-mail address does not belong to a participant of your trajectories.",
    ),
    # --- e-mail -----------------------------------------------------------------------
    "mail.not_configured": (
        "E-mail is niet ingesteld, dus er kan geen link of code worden verstuurd. {detail}",
        "E-mail is not configured, so no link or code can be sent. {detail}",
    ),
    "mail.problem.not_configured": (
        "De beheerder stelt een SMTP-server in met KERNBRIEF_SMTP_HOST, KERNBRIEF_MAIL_FROM en KERNBRIEF_PUBLIC_URL.",
        "The administrator sets up an SMTP server with KERNBRIEF_SMTP_HOST, KERNBRIEF_MAIL_FROM and KERNBRIEF_PUBLIC_URL.",
    ),
    "mail.problem.backend_unknown": (
        "KERNBRIEF_MAIL_BACKEND moet smtp, outbox of console zijn.",
        "KERNBRIEF_MAIL_BACKEND must be smtp, outbox or console.",
    ),
    "mail.problem.smtp_host_missing": (
        "KERNBRIEF_SMTP_HOST (de SMTP-server) ontbreekt.",
        "KERNBRIEF_SMTP_HOST (the SMTP server) is missing.",
    ),
    "mail.problem.smtp_security_unknown": (
        "KERNBRIEF_SMTP_SECURITY moet starttls, ssl of none zijn.",
        "KERNBRIEF_SMTP_SECURITY must be starttls, ssl or none.",
    ),
    "mail.problem.smtp_port_invalid": (
        "KERNBRIEF_SMTP_PORT is geen geldig poortnummer.",
        "KERNBRIEF_SMTP_PORT is not a valid port number.",
    ),
    "mail.problem.smtp_password_in_clear": (
        "Met KERNBRIEF_SMTP_USER moet de verbinding beveiligd zijn: zet KERNBRIEF_SMTP_SECURITY op starttls of ssl.",
        "With KERNBRIEF_SMTP_USER the connection must be secured: set KERNBRIEF_SMTP_SECURITY to starttls or ssl.",
    ),
    "mail.problem.mail_from_missing": (
        "KERNBRIEF_MAIL_FROM (het afzenderadres) ontbreekt.",
        "KERNBRIEF_MAIL_FROM (the sender address) is missing.",
    ),
    "mail.problem.base_url_missing": (
        "KERNBRIEF_PUBLIC_URL (het adres van de app, voor de links in de e-mails) ontbreekt.",
        "KERNBRIEF_PUBLIC_URL (the app's address, for the links in the e-mails) is missing.",
    ),
    "mail.problem.base_url_invalid": (
        "KERNBRIEF_PUBLIC_URL moet met https:// of http:// beginnen.",
        "KERNBRIEF_PUBLIC_URL must start with https:// or http://.",
    ),
    "mail.failed": (
        "De e-mail kon niet worden verstuurd; de link werkt niet. Probeer het later opnieuw of vraag de beheerder de e-mailinstellingen na te kijken.",
        "The e-mail could not be sent; the link does not work. Try again later or ask the administrator to check the e-mail settings.",
    ),
    "mail.demo_outbox": (
        "Demomodus: de e-mail wordt niet echt verstuurd, maar als bestand bewaard in de map {path} (een pad zonder / vooraan is relatief aan de projectmap).",
        "Demo mode: the e-mail is not really sent but kept as a file in the folder {path} (a path without a leading / is relative to the project folder).",
    ),
    "mail.status_title": ("E-mail", "E-mail"),
    "mail.status.smtp": (
        "E-mail gaat via de SMTP-server {host}:{port} ({security}), van {sender}. Links in de e-mails beginnen met {base}.",
        "E-mail goes through the SMTP server {host}:{port} ({security}), from {sender}. Links in the e-mails start with {base}.",
    ),
    "mail.base_from_browser": (
        "het adres waarmee de app geopend werd (demomodus)",
        "the address the app was opened with (demo mode)",
    ),
    "mail.status.outbox": (
        "E-mail wordt niet verstuurd maar als bestand bewaard in de map {path} (outbox).",
        "E-mail is not sent but kept as a file in the folder {path} (outbox).",
    ),
    "mail.status.console": (
        "E-mail wordt niet verstuurd maar in het serverlog geschreven: alleen voor ontwikkeling.",
        "E-mail is not sent but written to the server log: for development only.",
    ),
    "mail.reset.subject": (
        "Kies een nieuw wachtwoord voor Kernbrief",
        "Choose a new password for Kernbrief",
    ),
    "mail.reset.body": (
        "Dag {name},\n\n{actor} vroeg een nieuwe link voor je aan, waarmee je een nieuw wachtwoord kiest voor Kernbrief:\n\n{link}\n\nDe link werkt één keer en blijft {hours} uur geldig. Daarna meld je je aan met je nieuwe wachtwoord.\n\nNiet gevraagd? Negeer deze mail: je wachtwoord blijft dan ongewijzigd.\n\nKernbrief",
        "Dear {name},\n\n{actor} asked for a new link for you, to choose a new password for Kernbrief:\n\n{link}\n\nThe link works once and stays valid for {hours} hours. Afterwards you log in with your new password.\n\nDid not ask for this? Ignore this e-mail: your password then stays as it is.\n\nKernbrief",
    ),
    "mail.invitation.subject": (
        "Uitnodiging voor Kernbrief ({municipality})",
        "Invitation to Kernbrief ({municipality})",
    ),
    "mail.invitation.body": (
        "Dag,\n\n{actor} nodigt je uit om als deelnemer voor {municipality} mee te werken aan een designbrief in Kernbrief, in leertraject {trajectory}.\n\nMaak je account met deze link:\n\n{link}\n\nDe link werkt één keer en blijft {days} dagen geldig.\n\nNiet verwacht? Negeer deze mail: zonder deze link wordt er geen account gemaakt.\n\nKernbrief",
        "Hello,\n\n{actor} invites you to work on a design brief in Kernbrief as a participant for {municipality}, in trajectory {trajectory}.\n\nCreate your account with this link:\n\n{link}\n\nThe link works once and stays valid for {days} days.\n\nNot expected? Ignore this e-mail: without this link no account is made.\n\nKernbrief",
    ),
    "mail.code.subject": (
        "Je code om je e-mailadres te bevestigen voor Kernbrief",
        "Your code to confirm your e-mail address for Kernbrief",
    ),
    "mail.code.body": (
        "Dag,\n\nJe code om dit e-mailadres te bevestigen voor je account in Kernbrief ({municipality}) is:\n\n{code}\n\nVul ze in op de pagina waar je je account maakt. De code blijft {minutes} minuten geldig.\n\nNiet gevraagd? Negeer deze mail: zonder deze code wordt er geen account gemaakt.\n\nKernbrief",
        "Hello,\n\nYour code to confirm this e-mail address for your account in Kernbrief ({municipality}) is:\n\n{code}\n\nFill it in on the page where you create your account. The code stays valid for {minutes} minutes.\n\nDid not ask for this? Ignore this e-mail: without this code no account is made.\n\nKernbrief",
    ),
    "programme.title": ("Programma", "Programme"),
    "programme.intro": (
        "Alle leertrajecten met de gemiddelde voortgang van hun designbriefs per stap.",
        "All trajectories with the average progress of their design briefs per step.",
    ),
    "programme.briefs": ("Designbriefs", "Design briefs"),
    # --- house style: Word templates ------------------------------------------------------
    "style.title": ("Huisstijl", "House style"),
    "style.intro": (
        "Een Word-sjabloon (.dotx of .docx) geeft de geëxporteerde documenten de huisstijl: "
        "lettertypes, kleuren, kopstijlen, koptekst en voettekst met logo. Een gemeente met een "
        "eigen sjabloon gebruikt dat; de andere gemeenten dat van het programma; zonder sjabloon "
        "geldt de ingebouwde stijl.",
        "A Word template (.dotx or .docx) gives exported documents their house style: fonts, "
        "colours, heading styles, header and footer with logo. A municipality with a template of "
        "its own uses that; the other municipalities the programme's; without a template the "
        "built-in style applies.",
    ),
    "style.active": ("Sjablonen in gebruik", "Templates in use"),
    "style.none": (
        "Er is nog geen sjabloon: de documenten krijgen de ingebouwde stijl.",
        "There is no template yet: documents get the built-in style.",
    ),
    "style.scope": ("Voor", "For"),
    "style.programme": ("Het hele programma", "The whole programme"),
    "style.file": ("Bestand", "File"),
    "style.by": ("Opgeladen door", "Uploaded by"),
    "style.when": ("Opgeladen op", "Uploaded on"),
    "style.upload": ("Sjabloon (.dotx of .docx)", "Template (.dotx or .docx)"),
    "style.save": ("Sjabloon bewaren", "Save template"),
    "style.no_file": ("Kies eerst een bestand.", "Choose a file first."),
    "style.saved": (
        "Het sjabloon {name} is bewaard voor {scope}.",
        "The template {name} was saved for {scope}.",
    ),
    "style.manage": ("Sjabloon voor {scope}", "Template for {scope}"),
    "style.download": ("Sjabloon downloaden", "Download template"),
    "style.preview": ("Voorbeeld maken", "Make a sample"),
    "style.preview_download": ("Voorbeeld downloaden", "Download the sample"),
    "style.preview_none": (
        "Er is geen designbrief om een voorbeeld mee te maken.",
        "There is no design brief to make a sample with.",
    ),
    "style.preview_file": ("Voorbeeld huisstijl {scope}", "House style sample {scope}"),
    "style.remove": ("Sjabloon verwijderen", "Remove template"),
    "style.remove_confirm": (
        "Het sjabloon voor {scope} verwijderen? De documenten krijgen dan het sjabloon van het "
        "programma of de ingebouwde stijl.",
        "Remove the template for {scope}? Documents then get the programme's template or the "
        "built-in style.",
    ),
    "style.remove_yes": ("Ja, verwijderen", "Yes, remove"),
    "style.remove_no": ("Annuleren", "Cancel"),
    "style.removed": ("Het sjabloon is verwijderd.", "The template was removed."),
    "style.refused.too_large": (
        "Geweigerd: het sjabloon is groter dan {mb} MB.",
        "Refused: the template is larger than {mb} MB.",
    ),
    "style.refused.not_zip": (
        "Geweigerd: dit is geen Word-bestand (.dotx of .docx); het bestand is geen geldig "
        "Office-pakket of is beschadigd.",
        "Refused: this is not a Word file (.dotx or .docx); it is not a valid Office package or "
        "it is damaged.",
    ),
    "style.refused.not_office": (
        "Geweigerd: geen Word-document: het bestand is een zip-archief maar geen Office-document.",
        "Refused: not a Word document: the file is a zip archive but not an Office document.",
    ),
    "style.refused.not_word": (
        "Geweigerd: dit Office-bestand is geen Word-document of -sjabloon (bv. een Excel- of "
        "PowerPoint-bestand).",
        "Refused: this Office file is not a Word document or template (e.g. an Excel or "
        "PowerPoint file).",
    ),
    "style.refused.macros": (
        "Geweigerd: sjablonen met macro's (.dotm, .docm) worden niet aanvaard. Bewaar het "
        "sjabloon in Word als .dotx.",
        "Refused: templates with macros (.dotm, .docm) are not accepted. Save the template in "
        "Word as .dotx.",
    ),
    "style.refused.broken": (
        "Geweigerd: het Word-bestand is beschadigd en kan niet gelezen worden.",
        "Refused: the Word file is damaged and cannot be read.",
    ),
    "style.refused.missing_styles": (
        "Geweigerd: het sjabloon mist deze stijlen: {missing}. Voeg ze toe in Word "
        "(Stijlen) en laad het sjabloon opnieuw op.",
        "Refused: the template lacks these styles: {missing}. Add them in Word (Styles) and "
        "upload the template again.",
    ),
    "style.name.Normal": ("Standaard", "Normal"),
    "style.name.Heading1": ("Kop 1", "Heading 1"),
    "style.name.Heading2": ("Kop 2", "Heading 2"),
    "style.name.Heading3": ("Kop 3", "Heading 3"),
    "style.name.Title": ("Titel", "Title"),
    "style.name.Subtitle": ("Ondertitel", "Subtitle"),
    "style.name.Caption": ("Bijschrift", "Caption"),
    "style.name.ListBullet": ("Lijstopsommingsteken", "List Bullet"),
    "style.name.ListNumber": ("Lijstnummer", "List Number"),
    "style.name.TableGrid": ("Tabelraster", "Table Grid"),
    "people.title": ("Mensen en rollen", "People and roles"),
    "people.set_role": ("Rol wijzigen", "Change role"),
    "people.email": ("E-mailadres", "E-mail address"),
    "people.current_role": ("Rol", "Role"),
    "people.role": ("Rol om toe te kennen", "Role to give"),
    "people.save": ("Rol bewaren", "Save role"),
    "people.saved": ("De rol is gewijzigd.", "The role was changed."),
    "people.unknown": ("Geen account met dit e-mailadres.", "No account with this e-mail address."),
    "audit.title": ("Logboek", "Audit log"),
    "audit.when": ("Wanneer", "When"),
    "audit.who": ("Wie", "Who"),
    "audit.what": ("Wat", "What"),
    "audit.target": ("Waarop", "Target"),
    "audit.client": ("Vanaf", "From"),
    "audit.action.login": ("aangemeld", "logged in"),
    "audit.action.house_style_set": ("huisstijl opgeladen", "house style uploaded"),
    "audit.action.trajectory_theme_set": (
        "thema van leertraject gewijzigd",
        "trajectory theme changed",
    ),
    "audit.action.house_style_removed": ("huisstijl verwijderd", "house style removed"),
    "audit.action.login_failed": ("aanmelden mislukt", "login failed"),
    "audit.action.login_refused_locked": ("aanmelden geblokkeerd", "login blocked"),
    "audit.action.login_refused_account": (
        "aanmelden geweigerd: account niet actief of demo-account",
        "login refused: account inactive or a demo account",
    ),
    "audit.action.invitation": ("uitnodiging gemaakt", "invitation made"),
    "audit.action.invitation_accepted": ("uitnodiging aanvaard", "invitation accepted"),
    "audit.action.invitation_accepted_sso": (
        "uitnodiging aanvaard (organisatieaccount)",
        "invitation accepted (organisation account)",
    ),
    "audit.action.sso_login": (
        "aangemeld via organisatieaccount",
        "logged in with organisation account",
    ),
    "audit.action.sso_linked": ("organisatieaccount gekoppeld", "organisation account linked"),
    "audit.action.sso_refused": (
        "organisatieaccount geweigerd",
        "organisation account refused",
    ),
    "audit.action.sso_logout": (
        "afgemeld (organisatieaccount)",
        "logged out (organisation account)",
    ),
    "audit.action.role_changed": ("rol gewijzigd", "role changed"),
    "audit.action.password_reset_requested": ("herstellink aangevraagd", "reset link requested"),
    "audit.action.email_code_sent": (
        "code gemaild om een e-mailadres te bevestigen",
        "code mailed to confirm an e-mail address",
    ),
    "audit.action.email_code_refused": (
        "code om een e-mailadres te bevestigen geweigerd",
        "code to confirm an e-mail address refused",
    ),
    "audit.action.mail_failed": ("e-mail niet verstuurd", "e-mail not sent"),
    "audit.action.password_reset": ("wachtwoord hersteld", "password reset"),
    "audit.action.password_changed": ("wachtwoord gewijzigd", "password changed"),
    "audit.action.logins_ended": ("alle logins beëindigd", "all logins ended"),
    "audit.action.other_logins_ended": ("andere logins beëindigd", "other logins ended"),
    "audit.action.user_created": ("account aangemaakt", "account created"),
    "audit.action.logout": ("afgemeld", "logged out"),
    "audit.action.access_refused": ("toegang geweigerd", "access refused"),
    "audit.action.demo_seeded": ("democontent geladen", "demo content loaded"),
    "audit.action.audit_pruned": (
        "auditlog ingekort (regels van vóór)",
        "audit log shortened (entries before)",
    ),
    # --- review and coaching ----------------------------------------------------------
    "status.not_started": ("niet gestart", "not started"),
    "status.in_progress": ("bezig", "in progress"),
    "status.ready": ("klaar voor review", "ready for review"),
    "status.reviewed": ("gereviewd", "reviewed"),
    "review.feedback": ("Feedback van de begeleiders", "Feedback from the coaches"),
    "review.feedback_coach": ("Feedback voor deze stap", "Feedback on this step"),
    "review.none": ("Nog geen feedback bij deze stap.", "No feedback on this step yet."),
    "review.unread": ("{count} nieuw", "{count} new"),
    "review.messages": (
        "{count} bericht(en) van begeleiders, {open} open",
        "{count} message(s) from the coaches, {open} open",
    ),
    "review.reply": ("Je reactie", "Your reply"),
    "review.write": ("Je feedback", "Your feedback"),
    "review.send": ("Versturen", "Send"),
    "review.resolve": ("Markeren als opgelost", "Mark as resolved"),
    "review.resolved": ("(opgelost)", "(resolved)"),
    "review.by": ("{name} ({role}), {moment}", "{name} ({role}), {moment}"),
    "review.empty": ("Schrijf eerst een bericht.", "Write a message first."),
    "review.too_long": (
        "Het bericht is langer dan 20.000 tekens.",
        "The message is longer than 20,000 characters.",
    ),
    "review.mark_ready": ("Deze stap is klaar voor review", "This step is ready for review"),
    "review.unmark_ready": ("Toch nog niet klaar", "Not ready after all"),
    "review.status": ("Stand van deze stap: {status}", "Status of this step: {status}"),
    "review.mark_reviewed": ("Stap gereviewd", "Step reviewed"),
    "review.unmark_reviewed": ("Review ongedaan maken", "Undo the review"),
    "review.nothing_to_review": (
        "Deze stap is nog niet begonnen: er is nog niets om te reviewen.",
        "This step has not been started: there is nothing to review yet.",
    ),
    "review.unread_overview": ("Nieuwe feedback: {count}", "New feedback: {count}"),
    "coach.tab.overview": ("Overzicht", "Overview"),
    "coach.tab.review": ("Review", "Review"),
    "coach.tab.changes": ("Wat veranderde", "What changed"),
    "coach.tab.compare": ("Vergelijken", "Compare"),
    "coach.tab.sessions": ("Sessies", "Sessions"),
    "coach.tab.notes": ("Notities", "Notes"),
    "coach.tab.people": ("Deelnemers", "Participants"),
    "dashboard.next": ("Voor sessie {number}", "For session {number}"),
    "dashboard.behind": ("achter", "behind"),
    "dashboard.on_track": ("op schema", "on track"),
    "dashboard.ready": ("klaar", "ready"),
    "dashboard.behind_list": (
        "Achter voor sessie {number} (stap {step}): {names}. Achter is: die stap niet klaar en "
        "minder dan half ingevuld, of een vorige stap nog niet begonnen.",
        "Behind for session {number} (step {step}): {names}. Behind means: that step not ready "
        "and less than half filled in, or an earlier step not started.",
    ),
    "dashboard.pick": ("Leertraject", "Trajectory"),
    "dashboard.matrix": ("Gemeenten en stappen", "Municipalities and steps"),
    "dashboard.municipality": ("Gemeente", "Municipality"),
    "dashboard.step": ("Stap {step}", "Step {step}"),
    "dashboard.open_checks": ("Open punten", "Open points"),
    "dashboard.unread": ("Nieuwe berichten voor jou", "New messages for you"),
    "dashboard.last_change": ("Laatste wijziging", "Last change"),
    "dashboard.readiness": (
        "Stap {step} is aan de beurt op {day}: {ready} van {total} klaar.",
        "Step {step} is due on {day}: {ready} of {total} ready.",
    ),
    "dashboard.no_session": (
        "Er staat geen werksessie meer gepland.",
        "No session is planned anymore.",
    ),
    "dashboard.review": ("Een designbrief bekijken", "Review a design brief"),
    "dashboard.review_step": ("Stap", "Step"),
    "dashboard.export": (
        "Alle designbriefs met hun collegenota exporteren (zip)",
        "Export all design briefs with their decision notes (zip)",
    ),
    "dashboard.export_ready": ("Download {name}", "Download {name}"),
    "sessions.title": ("Werksessies", "Sessions"),
    "sessions.number": ("Sessie", "Session"),
    "sessions.when": ("Wanneer", "When"),
    "sessions.mode": ("Vorm", "Mode"),
    "sessions.place": ("Plaats", "Place"),
    "sessions.step": ("Stap", "Step"),
    "sessions.download": ("Agenda downloaden (.ics)", "Download calendar (.ics)"),
    "sessions.event": (
        "Werksessie {number} · leertraject {trajectory} · stap {step}",
        "Session {number} · trajectory {trajectory} · step {step}",
    ),
    "changes.title": ("Wat is er veranderd?", "What changed?"),
    "changes.since": ("Sinds", "Since"),
    "changes.added": ("Nieuw: {text}", "New: {text}"),
    "changes.removed": ("Weg: {text}", "Gone: {text}"),
    "changes.changed": ("Gewijzigd: {text}", "Changed: {text}"),
    "changes.none": ("Niets veranderd sinds deze datum.", "Nothing changed since this date."),
    "compare.title": ("Vergelijken over het leertraject", "Compare across the trajectory"),
    "compare.part": ("Onderdeel", "Part"),
    "compare.root_cause": ("Grondoorzaken van alle gemeenten", "Root causes of all municipalities"),
    "compare.swot": ("SWOT van alle gemeenten samen", "SWOT of all municipalities together"),
    "compare.status_filter": ("Stand van zaken", "Status"),
    "compare.empty": ("Nog niemand vulde dit onderdeel in.", "Nobody filled in this part yet."),
    "compare.total": ("Totaal", "Total"),
    "compare.module_count": (
        "{shown} van de {total} gemeenten tonen de module {module}; "
        "{filled} daarvan vulden dit onderdeel in.",
        "{shown} of the {total} municipalities show the {module} module; "
        "{filled} of them filled in this part.",
    ),
    "compare.vacancy": (
        "Leegstand van alle gemeenten: panden per zone en categorie",
        "Vacancy of all municipalities: buildings per zone and category",
    ),
    "compare.vacancy.count": (
        "{shown} van de {total} gemeenten tonen de module Leegstand; "
        "{filled} daarvan hebben panden in hun inventaris.",
        "{shown} of the {total} municipalities show the vacancy module; "
        "{filled} of them have buildings in their inventory.",
    ),
    "compare.vacancy.on_own_day": (
        "Elke gemeente deelt haar panden in op haar eigen peildatum: de dag van haar laatste "
        "telling, zonder telling vandaag. Een pand zonder gekozen categorie is aanvang, "
        "langdurig of structureel naargelang hoe lang het op die dag leegstaat.",
        "Each municipality's buildings are judged on its own reference day: the day of its "
        "latest count, or today without a count. A building without a chosen category is "
        "starting, long-term or structural by how long it has stood empty on that day.",
    ),
    "compare.vacancy.on": ("Peildatum", "Reference day"),
    "compare.vacancy.no_zone": ("Zone niet ingevuld", "Zone not given"),
    "compare.vacancy.no_category": ("Categorie onbekend", "Category not known"),
    "compare.vacancy.buildings": ("Leegstaande panden", "Vacant buildings"),
    "compare.vacancy.per_municipality": ("Per gemeente", "Per municipality"),
    "notes.title": (
        "Privénotities over {municipality} (alleen voor begeleiders)",
        "Private notes on {municipality} (coaches only)",
    ),
    "notes.new": ("Nieuwe notitie", "New note"),
    "notes.save": ("Notitie bewaren", "Save note"),
    "notes.none": ("Nog geen notities.", "No notes yet."),
}


class _Catalogue(Mapping[str, tuple[str, str]]):
    """The one catalogue: the app's own words, and the theme modules' words beside them.

    The theme modules keep their words beside their parts (briefs/themes/); those files hold
    pydantic models too, so they are loaded the first time a word not of the app's own is
    asked for (or the whole catalogue is read), not when the server starts and only needs
    its login page's words. None may replace a word of the app's own.
    """

    def __init__(self, own: dict[str, tuple[str, str]]):
        self._own = own
        self._every: dict[str, tuple[str, str]] | None = None

    def _everything(self) -> dict[str, tuple[str, str]]:
        if self._every is None:
            from briefs.themes import THEME_WORDS

            twice = set(self._own) & set(THEME_WORDS)
            assert not twice, f"theme words already in the catalogue: {sorted(twice)}"
            self._every = {**self._own, **THEME_WORDS}
        return self._every

    def __getitem__(self, key: str) -> tuple[str, str]:
        found = self._own.get(key)
        return found if found is not None else self._everything()[key]

    def __contains__(self, key: object) -> bool:
        return key in self._own or key in self._everything()

    def __iter__(self) -> Iterator[str]:
        return iter(self._everything())

    def __len__(self) -> int:
        return len(self._everything())


CATALOGUE: Mapping[str, tuple[str, str]] = _Catalogue(_APP_WORDS)
