"""Translations of the demo's key content: the home page, Get help, Staying safe
online, the support services, the partners and the site text.

Keyed by the English text exactly as wagtail-localize extracts it (one entry a
segment: a title, a field, a paragraph). `home.demo.seed_languages` feeds them
to wagtail-localize through a PO file, as a translation agency's work would be
imported, so editors see ordinary translations in the admin.

Everything here is fictional, like the rest of the demo.
"""

ADDRESSES = [
    "Harbour House<br/>12 Mill Street<br/>Northfield",
    "The Youth Zone<br/>Station Road<br/>Northfield",
    "Northfield Health Centre<br/>High Street<br/>Northfield",
]

CONTENT = {
    # Home page
    "Keeping children safe from exploitation": {
        "ur": "بچوں کو استحصال سے محفوظ رکھنا",
        "sk": "Chránime deti pred zneužívaním",
        "pl": "Chronimy dzieci przed wykorzystywaniem",
        "ro": "Protejăm copiii de exploatare",
    },
    "Together we protect children and young people from sexual exploitation.": {
        "ur": "ہم مل کر بچوں اور نوجوانوں کو جنسی استحصال سے بچاتے ہیں۔",
        "sk": "Spoločne chránime deti a mladých ľudí pred sexuálnym zneužívaním.",
        "pl": "Razem chronimy dzieci i młodzież przed wykorzystywaniem seksualnym.",
        "ro": "Împreună, protejăm copiii și tinerii de exploatarea sexuală.",
    },
    "The partnership brings together the council, police, NHS, public health, schools and the voluntary sector "
    "to protect children from sexual exploitation, and to show openly how far we have come.": {
        "ur": "یہ شراکت داری کونسل، پولیس، این ایچ ایس، صحتِ عامہ، اسکولوں اور رضاکار تنظیموں کو یکجا کرتی ہے، "
        "تاکہ بچوں کو جنسی استحصال سے بچایا جا سکے اور کھلے عام بتایا جا سکے کہ ہم کتنا آگے بڑھے ہیں۔",
        "sk": "Partnerstvo spája radu, políciu, NHS, verejné zdravotníctvo, školy a dobrovoľnícky sektor, aby chránilo "
        "deti pred sexuálnym zneužívaním a otvorene ukazovalo, kam sme sa dostali.",
        "pl": "Partnerstwo łączy radę miejską, policję, NHS, zdrowie publiczne, szkoły i organizacje pozarządowe, aby "
        "chronić dzieci przed wykorzystywaniem seksualnym i otwarcie pokazywać, jak daleko zaszliśmy.",
        "ro": "Parteneriatul reunește consiliul local, poliția, NHS, sănătatea publică, școlile și sectorul voluntar "
        "pentru a proteja copiii de exploatarea sexuală și pentru a arăta deschis cât de departe am ajuns.",
    },
    # Get help
    "Get help": {"ur": "مدد حاصل کریں", "sk": "Získajte pomoc", "pl": "Uzyskaj pomoc", "ro": "Obțineți ajutor"},
    "Call the helpline or find a support service for you, by who you are and your age.": {
        "ur": "ہیلپ لائن پر کال کریں، یا اپنی شناخت اور عمر کے مطابق اپنے لیے کوئی مددگار سروس تلاش کریں۔",
        "sk": "Zavolajte na linku pomoci alebo si nájdite podpornú službu podľa toho, kto ste a koľko máte rokov.",
        "pl": "Zadzwoń na infolinię albo znajdź usługę wsparcia dla siebie według tego, kim jesteś i ile masz lat.",
        "ro": "Sunați la linia de asistență sau găsiți un serviciu de sprijin potrivit, după cine sunteți și ce vârstă aveți.",
    },
    "You are not alone, and it is not your fault. Talk to someone today: all of these services are confidential.": {
        "ur": "آپ اکیلے نہیں ہیں، اور اس میں آپ کا کوئی قصور نہیں۔ آج ہی کسی سے بات کریں: یہ تمام خدمات رازدارانہ ہیں۔",
        "sk": "Nie ste v tom sami a nie je to vaša vina. Porozprávajte sa s niekým ešte dnes: všetky tieto služby sú dôverné.",
        "pl": "Nie musisz mierzyć się z tym w pojedynkę i to nie Twoja wina. Porozmawiaj z kimś jeszcze dziś: "
        "wszystkie te usługi są poufne.",
        "ro": "Nu sunteți singuri și nu este vina dumneavoastră. Vorbiți cu cineva chiar azi: toate aceste servicii "
        "sunt confidențiale.",
    },
    # Staying safe online
    "Staying safe online": {
        "ur": "آن لائن محفوظ رہنا",
        "sk": "Bezpečne na internete",
        "pl": "Bezpieczeństwo w internecie",
        "ro": "Siguranța online",
    },
    "What the Exit this page button does and does not do, and how to browse without leaving a trace.": {
        "ur": "«اس صفحے سے نکلیں» بٹن کیا کرتا ہے اور کیا نہیں کرتا، اور کوئی نشان چھوڑے بغیر براؤز کیسے کریں۔",
        "sk": "Čo tlačidlo Opustiť túto stránku robí a čo nerobí a ako prehliadať internet bez stôp.",
        "pl": "Co robi, a czego nie robi przycisk Opuść tę stronę, i jak przeglądać internet, nie zostawiając śladów.",
        "ro": "Ce face și ce nu face butonul Părăsiți această pagină și cum să navigați fără să lăsați urme.",
    },
    "The <strong>Exit this page</strong> button at the top of every page takes you straight to a weather page. "
    "You can also press the Shift key three times.": {
        "ur": "ہر صفحے کے اوپر موجود <strong>اس صفحے سے نکلیں</strong> بٹن آپ کو سیدھا موسم کے ایک صفحے پر لے جاتا ہے۔ "
        "آپ Shift کا بٹن تین بار بھی دبا سکتے ہیں۔",
        "sk": "Tlačidlo <strong>Opustiť túto stránku</strong> v hornej časti každej stránky vás okamžite presmeruje "
        "na stránku s počasím. Môžete aj trikrát stlačiť kláves Shift.",
        "pl": "Przycisk <strong>Opuść tę stronę</strong> na górze każdej strony od razu przenosi na stronę "
        "z prognozą pogody. Możesz też trzy razy nacisnąć klawisz Shift.",
        "ro": "Butonul <strong>Părăsiți această pagină</strong> din partea de sus a fiecărei pagini vă duce imediat "
        "la o pagină cu prognoza meteo. Puteți apăsa și tasta Shift de trei ori.",
    },
    "Exit this page does not delete your browsing history. Anyone using this device could still see that you "
    "visited this site.": {
        "ur": "«اس صفحے سے نکلیں» آپ کی براؤزنگ ہسٹری نہیں مٹاتا۔ اس ڈیوائس کو استعمال کرنے والا کوئی بھی شخص "
        "اب بھی دیکھ سکتا ہے کہ آپ اس سائٹ پر آئے تھے۔",
        "sk": "Tlačidlo Opustiť túto stránku nevymaže históriu prehliadania. Ktokoľvek, kto používa toto zariadenie, "
        "môže stále zistiť, že ste navštívili túto stránku.",
        "pl": "Przycisk Opuść tę stronę nie usuwa historii przeglądania. Każdy, kto korzysta z tego urządzenia, "
        "nadal może zobaczyć, że odwiedzono ten serwis.",
        "ro": "Butonul Părăsiți această pagină nu vă șterge istoricul de navigare. Oricine folosește acest dispozitiv "
        "poate vedea în continuare că ați vizitat acest site.",
    },
    "Browse privately": {
        "ur": "نجی طور پر براؤز کریں",
        "sk": "Prehliadajte v súkromnom režime",
        "pl": "Przeglądaj prywatnie",
        "ro": "Navigați în mod privat",
    },
    "Use a private or incognito window: your browser will not keep a history of the pages you visit in it.": {
        "ur": "پرائیویٹ یا انکوگنیٹو ونڈو استعمال کریں: آپ کا براؤزر اس میں دیکھے گئے صفحات کی ہسٹری محفوظ نہیں کرے گا۔",
        "sk": "Použite súkromné okno alebo okno inkognito: prehliadač si nezapamätá históriu stránok, ktoré v ňom "
        "navštívite.",
        "pl": "Używaj okna prywatnego lub incognito: przeglądarka nie zapisze historii stron, które w nim odwiedzisz.",
        "ro": "Folosiți o fereastră privată sau incognito: browserul nu va păstra istoricul paginilor pe care le "
        "vizitați în ea.",
    },
    "In most browsers, open the menu and choose New private window or New incognito window.": {
        "ur": "زیادہ تر براؤزرز میں مینو کھولیں اور New private window یا New incognito window منتخب کریں۔",
        "sk": "Vo väčšine prehliadačov otvorte ponuku a vyberte Nové súkromné okno alebo Nové okno inkognito.",
        "pl": "W większości przeglądarek otwórz menu i wybierz Nowe okno prywatne albo Nowe okno incognito.",
        "ro": "În majoritatea browserelor, deschideți meniul și alegeți Fereastră privată nouă sau Fereastră "
        "incognito nouă.",
    },
    "Delete your history": {
        "ur": "اپنی ہسٹری مٹائیں",
        "sk": "Vymažte históriu",
        "pl": "Usuń historię",
        "ro": "Ștergeți istoricul",
    },
    "If you did not browse privately, you can delete pages from your browser's history. Deleting all of your "
    "history may look suspicious to someone who checks, so you may prefer to delete only the pages from this site.": {
        "ur": "اگر آپ نے نجی طور پر براؤز نہیں کیا تو آپ اپنے براؤزر کی ہسٹری سے صفحات مٹا سکتے ہیں۔ ساری ہسٹری "
        "مٹا دینا کسی جانچنے والے کو مشکوک لگ سکتا ہے، اس لیے بہتر ہو سکتا ہے کہ آپ صرف اس سائٹ کے صفحات مٹائیں۔",
        "sk": "Ak ste neprehliadali v súkromnom režime, môžete stránky vymazať z histórie prehliadača. Vymazanie "
        "celej histórie môže niekomu, kto ju kontroluje, pripadať podozrivé, preto možno radšej vymažte iba stránky "
        "z tejto lokality.",
        "pl": "Jeśli nie korzystano z trybu prywatnego, możesz usunąć strony z historii przeglądarki. Usunięcie "
        "całej historii może wydać się podejrzane komuś, kto ją sprawdza, więc lepiej usunąć tylko strony z tego "
        "serwisu.",
        "ro": "Dacă nu ați navigat în mod privat, puteți șterge paginile din istoricul browserului. Ștergerea "
        "întregului istoric ar putea părea suspectă cuiva care verifică, așa că ați putea prefera să ștergeți doar "
        "paginile acestui site.",
    },
    "What this site does not do": {
        "ur": "یہ سائٹ کیا نہیں کرتی",
        "sk": "Čo táto stránka nerobí",
        "pl": "Czego ten serwis nie robi",
        "ro": "Ce nu face acest site",
    },
    "This site does not use analytics or tracking, does not set cookies when you read it, and does not load "
    "anything from other websites.": {
        "ur": "یہ سائٹ اینالیٹکس یا ٹریکنگ استعمال نہیں کرتی، پڑھتے وقت کوکیز نہیں لگاتی، اور دوسری ویب سائٹس سے "
        "کچھ بھی لوڈ نہیں کرتی۔",
        "sk": "Táto stránka nepoužíva analytiku ani sledovanie, pri čítaní neukladá cookies a nenačítava nič z iných "
        "webových stránok.",
        "pl": "Ten serwis nie korzysta z analityki ani śledzenia, nie zapisuje plików cookie podczas czytania i nie "
        "wczytuje niczego z innych stron.",
        "ro": "Acest site nu folosește instrumente de analiză sau urmărire, nu setează cookie-uri când îl citiți și "
        "nu încarcă nimic de pe alte site-uri.",
    },
    # Support services: names
    "Family support hub": {
        "ur": "فیملی سپورٹ ہب",
        "sk": "Centrum podpory rodín",
        "pl": "Centrum wsparcia rodzin",
        "ro": "Centrul de sprijin pentru familii",
    },
    "Harbour women's counselling": {
        "ur": "ہاربر: خواتین کے لیے کاؤنسلنگ",
        "sk": "Harbour – poradenstvo pre ženy",
        "pl": "Harbour – poradnictwo dla kobiet",
        "ro": "Harbour – consiliere pentru femei",
    },
    "National children's helpline (demo)": {
        "ur": "بچوں کی قومی ہیلپ لائن (ڈیمو)",
        "sk": "Celoštátna linka pomoci pre deti (ukážka)",
        "pl": "Ogólnokrajowy telefon zaufania dla dzieci (demo)",
        "ro": "Linia națională de asistență pentru copii (demonstrație)",
    },
    "Northfield youth zone plus": {
        "ur": "نارتھ فیلڈ یوتھ زون پلس",
        "sk": "Mládežnícke centrum Northfield plus",
        "pl": "Strefa młodzieży Northfield plus",
        "ro": "Zona tinerilor Northfield plus",
    },
    "Parents against exploitation network": {
        "ur": "استحصال کے خلاف والدین کا نیٹ ورک",
        "sk": "Sieť rodičov proti zneužívaniu",
        "pl": "Sieć rodziców przeciw wykorzystywaniu",
        "ro": "Rețeaua părinților împotriva exploatării",
    },
    "Police child exploitation team": {
        "ur": "بچوں کے استحصال کے خلاف پولیس ٹیم",
        "sk": "Policajný tím pre zneužívanie detí",
        "pl": "Policyjny zespół ds. wykorzystywania dzieci",
        "ro": "Echipa poliției pentru exploatarea copiilor",
    },
    "Professionals' consultation line": {
        "ur": "پیشہ ور افراد کے لیے مشاورتی لائن",
        "sk": "Konzultačná linka pre odborníkov",
        "pl": "Linia konsultacyjna dla specjalistów",
        "ro": "Linia de consultanță pentru profesioniști",
    },
    "Safe Steps young people's service": {
        "ur": "سیف اسٹیپس: نوجوانوں کے لیے سروس",
        "sk": "Safe Steps – služba pre mladých ľudí",
        "pl": "Safe Steps – usługa dla młodzieży",
        "ro": "Safe Steps – serviciu pentru tineri",
    },
    "Survivors' voice peer support": {
        "ur": "سروائیورز وائس: باہمی مدد",
        "sk": "Survivors' voice – vzájomná podpora",
        "pl": "Survivors' voice – wsparcie rówieśnicze",
        "ro": "Survivors' voice – sprijin între egali",
    },
    "Young people's sexual health clinic": {
        "ur": "نوجوانوں کے لیے جنسی صحت کا کلینک",
        "sk": "Ambulancia sexuálneho zdravia pre mladých ľudí",
        "pl": "Poradnia zdrowia seksualnego dla młodzieży",
        "ro": "Clinica de sănătate sexuală pentru tineri",
    },
    # Support services: what they offer
    "Early help for families with younger children: parenting support, keeping children safe online, and help to "
    "find other services.": {
        "ur": "چھوٹے بچوں والے خاندانوں کے لیے ابتدائی مدد: بچوں کی پرورش میں مدد، بچوں کو آن لائن محفوظ رکھنا، اور "
        "دوسری خدمات تلاش کرنے میں مدد۔",
        "sk": "Včasná pomoc pre rodiny s menšími deťmi: podpora pri výchove, bezpečnosť detí na internete a pomoc "
        "pri hľadaní ďalších služieb.",
        "pl": "Wczesna pomoc dla rodzin z młodszymi dziećmi: wsparcie w wychowaniu, bezpieczeństwo dzieci "
        "w internecie i pomoc w znalezieniu innych usług.",
        "ro": "Sprijin timpuriu pentru familiile cu copii mai mici: ajutor în creșterea copiilor, siguranța copiilor "
        "online și ajutor pentru a găsi alte servicii.",
    },
    "Free counselling for women and girls who have experienced sexual abuse or exploitation, at any point in "
    "their lives.": {
        "ur": "ان خواتین اور لڑکیوں کے لیے مفت کاؤنسلنگ جنہیں زندگی میں کبھی بھی جنسی زیادتی یا استحصال کا سامنا رہا ہو۔",
        "sk": "Bezplatné poradenstvo pre ženy a dievčatá, ktoré kedykoľvek v živote zažili sexuálne zneužívanie "
        "alebo vykorisťovanie.",
        "pl": "Bezpłatne poradnictwo dla kobiet i dziewcząt, które kiedykolwiek w życiu doświadczyły przemocy "
        "seksualnej lub wykorzystywania.",
        "ro": "Consiliere gratuită pentru femeile și fetele care au trecut prin abuz sau exploatare sexuală, în orice "
        "moment al vieții.",
    },
    "A free, confidential helpline for children and young people about anything that worries them. Calls do not "
    "show on phone bills.": {
        "ur": "بچوں اور نوجوانوں کے لیے مفت اور رازدارانہ ہیلپ لائن، ہر اس بات کے بارے میں جو انہیں پریشان کرے۔ "
        "کالز فون کے بل پر نظر نہیں آتیں۔",
        "sk": "Bezplatná a dôverná linka pomoci pre deti a mladých ľudí o čomkoľvek, čo ich trápi. Hovory sa "
        "nezobrazujú na telefónnom účte.",
        "pl": "Bezpłatny i poufny telefon zaufania dla dzieci i młodzieży w każdej sprawie, która je martwi. "
        "Połączenia nie pojawiają się na rachunku telefonicznym.",
        "ro": "O linie de asistență gratuită și confidențială pentru copii și tineri, despre orice îi îngrijorează. "
        "Apelurile nu apar pe factura de telefon.",
    },
    "Youth workers, drop-in sessions and activities for young people up to age 25, with specialist workers for "
    "care leavers and young people with special educational needs.": {
        "ur": "25 سال تک کے نوجوانوں کے لیے یوتھ ورکرز، بغیر اپائنٹمنٹ سیشن اور سرگرمیاں، اور نگہداشت چھوڑنے والے "
        "نوجوانوں اور خصوصی تعلیمی ضروریات والے نوجوانوں کے لیے ماہر کارکن۔",
        "sk": "Pracovníci s mládežou, otvorené stretnutia a aktivity pre mladých ľudí do 25 rokov, so špecialistami "
        "pre mladých ľudí odchádzajúcich zo starostlivosti a pre mladých ľudí so špeciálnymi vzdelávacími potrebami.",
        "pl": "Pracownicy młodzieżowi, spotkania bez zapisów i zajęcia dla młodych ludzi do 25. roku życia, ze "
        "specjalistami dla osób opuszczających pieczę zastępczą i młodzieży ze specjalnymi potrzebami edukacyjnymi.",
        "ro": "Lucrători de tineret, sesiuni fără programare și activități pentru tineri de până la 25 de ani, cu "
        "specialiști pentru tinerii care părăsesc sistemul de protecție și pentru tinerii cu cerințe educaționale "
        "speciale.",
    },
    "Support from trained parents who have been through it, for parents and carers of children who are being "
    "exploited.": {
        "ur": "جن والدین اور دیکھ بھال کرنے والوں کے بچوں کا استحصال ہو رہا ہے، ان کے لیے ایسے تربیت یافتہ والدین کی "
        "مدد جو خود اس تجربے سے گزر چکے ہیں۔",
        "sk": "Podpora od vyškolených rodičov, ktorí si tým sami prešli, pre rodičov a opatrovateľov detí, ktoré sú "
        "zneužívané.",
        "pl": "Wsparcie od przeszkolonych rodziców, którzy sami przez to przeszli, dla rodziców i opiekunów dzieci, "
        "które są wykorzystywane.",
        "ro": "Sprijin din partea unor părinți instruiți, care au trecut ei înșiși prin asta, pentru părinții și "
        "îngrijitorii copiilor care sunt exploatați.",
    },
    "Specialist officers who investigate child sexual exploitation and work with partners to disrupt offenders. "
    "If a child is in immediate danger, call 999.": {
        "ur": "ماہر افسران جو بچوں کے جنسی استحصال کی تفتیش کرتے ہیں اور مجرموں کو روکنے کے لیے شراکت داروں کے ساتھ "
        "کام کرتے ہیں۔ اگر کوئی بچہ فوری خطرے میں ہے تو 999 پر کال کریں۔",
        "sk": "Špecializovaní policajti, ktorí vyšetrujú sexuálne zneužívanie detí a spolu s partnermi narúšajú "
        "činnosť páchateľov. Ak je dieťa v bezprostrednom nebezpečenstve, volajte 999.",
        "pl": "Wyspecjalizowani funkcjonariusze, którzy prowadzą śledztwa w sprawie wykorzystywania seksualnego "
        "dzieci i wspólnie z partnerami utrudniają działanie sprawców. Jeśli dziecku grozi bezpośrednie "
        "niebezpieczeństwo, zadzwoń pod numer 999.",
        "ro": "Polițiști specializați care investighează exploatarea sexuală a copiilor și lucrează cu partenerii "
        "pentru a-i opri pe agresori. Dacă un copil este în pericol imediat, sunați la 999.",
    },
    "Advice for teachers, health workers and other professionals who are worried that a child is being "
    "exploited, including how to make a referral.": {
        "ur": "اساتذہ، صحت کے کارکنوں اور دوسرے پیشہ ور افراد کے لیے مشورہ جنہیں فکر ہو کہ کسی بچے کا استحصال ہو رہا "
        "ہے، اور یہ بھی کہ ریفرل کیسے کیا جائے۔",
        "sk": "Rady pre učiteľov, zdravotníkov a ďalších odborníkov, ktorí sa obávajú, že je dieťa zneužívané, "
        "vrátane toho, ako podať podnet.",
        "pl": "Porady dla nauczycieli, pracowników ochrony zdrowia i innych specjalistów, którzy obawiają się, że "
        "dziecko jest wykorzystywane, w tym jak dokonać zgłoszenia.",
        "ro": "Sfaturi pentru profesori, personal medical și alți profesioniști îngrijorați că un copil este "
        "exploatat, inclusiv despre cum să facă o sesizare.",
    },
    "One-to-one support for young people who are being, or are at risk of being, sexually exploited. A named "
    "worker stays with you for as long as you need.": {
        "ur": "ان نوجوانوں کے لیے انفرادی مدد جن کا جنسی استحصال ہو رہا ہے یا جنہیں اس کا خطرہ ہے۔ ایک مقررہ کارکن "
        "جب تک ضرورت ہو آپ کے ساتھ رہتا ہے۔",
        "sk": "Individuálna podpora pre mladých ľudí, ktorí sú sexuálne zneužívaní alebo im to hrozí. Pridelený "
        "pracovník je s vami tak dlho, ako potrebujete.",
        "pl": "Indywidualne wsparcie dla młodych ludzi, którzy są wykorzystywani seksualnie lub są na to narażeni. "
        "Przydzielony pracownik jest z Tobą tak długo, jak potrzebujesz.",
        "ro": "Sprijin individual pentru tinerii care sunt exploatați sexual sau care sunt în pericol să fie. Un "
        "lucrător desemnat rămâne alături de dumneavoastră cât timp aveți nevoie.",
    },
    "Peer support groups run by adult survivors of child sexual exploitation. Groups meet in a safe, private "
    "place and online.": {
        "ur": "بچپن میں جنسی استحصال سے گزرنے والے بالغ افراد کے چلائے ہوئے باہمی مدد کے گروپ۔ گروپ ایک محفوظ، "
        "نجی جگہ پر اور آن لائن ملتے ہیں۔",
        "sk": "Skupiny vzájomnej podpory, ktoré vedú dospelí, ktorí v detstve prežili sexuálne zneužívanie. "
        "Skupiny sa stretávajú na bezpečnom, súkromnom mieste aj online.",
        "pl": "Grupy wsparcia prowadzone przez dorosłe osoby, które w dzieciństwie doświadczyły wykorzystywania "
        "seksualnego. Grupy spotykają się w bezpiecznym, prywatnym miejscu i online.",
        "ro": "Grupuri de sprijin conduse de adulți care au supraviețuit exploatării sexuale în copilărie. "
        "Grupurile se întâlnesc într-un loc sigur și privat, dar și online.",
    },
    "Confidential sexual health advice, testing and contraception, with staff trained to spot and respond to "
    "exploitation.": {
        "ur": "جنسی صحت کے بارے میں رازدارانہ مشورہ، ٹیسٹ اور مانع حمل، ایسے عملے کے ساتھ جو استحصال کو پہچاننے "
        "اور اس پر کارروائی کرنے کی تربیت رکھتا ہے۔",
        "sk": "Dôverné poradenstvo v oblasti sexuálneho zdravia, testovanie a antikoncepcia, s personálom "
        "vyškoleným rozpoznať zneužívanie a reagovať naň.",
        "pl": "Poufne porady dotyczące zdrowia seksualnego, badania i antykoncepcja; personel jest przeszkolony, by "
        "rozpoznawać wykorzystywanie i na nie reagować.",
        "ro": "Consiliere confidențială privind sănătatea sexuală, testare și contracepție, cu personal instruit să "
        "recunoască exploatarea și să intervină.",
    },
    # Support services: opening hours
    "Monday to Friday, 8.30am to 5pm": {
        "ur": "پیر سے جمعہ، صبح 8:30 سے شام 5 بجے تک",
        "sk": "Pondelok až piatok, 8.30 – 17.00",
        "pl": "Od poniedziałku do piątku, 8:30–17:00",
        "ro": "De luni până vineri, 8:30–17:00",
    },
    "Monday to Thursday, 10am to 8pm": {
        "ur": "پیر سے جمعرات، صبح 10 سے رات 8 بجے تک",
        "sk": "Pondelok až štvrtok, 10.00 – 20.00",
        "pl": "Od poniedziałku do czwartku, 10:00–20:00",
        "ro": "De luni până joi, 10:00–20:00",
    },
    "24 hours a day, every day": {
        "ur": "ہر روز، 24 گھنٹے",
        "sk": "Nepretržite, každý deň",
        "pl": "Całą dobę, codziennie",
        "ro": "Non-stop, în fiecare zi",
    },
    "Every day, 3pm to 9pm": {
        "ur": "ہر روز، سہ پہر 3 سے رات 9 بجے تک",
        "sk": "Každý deň, 15.00 – 21.00",
        "pl": "Codziennie, 15:00–21:00",
        "ro": "În fiecare zi, 15:00–21:00",
    },
    "Monday to Friday, 10am to 4pm": {
        "ur": "پیر سے جمعہ، صبح 10 سے شام 4 بجے تک",
        "sk": "Pondelok až piatok, 10.00 – 16.00",
        "pl": "Od poniedziałku do piątku, 10:00–16:00",
        "ro": "De luni până vineri, 10:00–16:00",
    },
    "24 hours a day (999 in an emergency)": {
        "ur": "24 گھنٹے (ہنگامی صورت میں 999)",
        "sk": "Nepretržite (v núdzi 999)",
        "pl": "Całą dobę (w nagłych wypadkach 999)",
        "ro": "Non-stop (999 în caz de urgență)",
    },
    "Monday to Friday, 9am to 5pm": {
        "ur": "پیر سے جمعہ، صبح 9 سے شام 5 بجے تک",
        "sk": "Pondelok až piatok, 9.00 – 17.00",
        "pl": "Od poniedziałku do piątku, 9:00–17:00",
        "ro": "De luni până vineri, 9:00–17:00",
    },
    "Monday to Friday, 9am to 7pm": {
        "ur": "پیر سے جمعہ، صبح 9 سے شام 7 بجے تک",
        "sk": "Pondelok až piatok, 9.00 – 19.00",
        "pl": "Od poniedziałku do piątku, 9:00–19:00",
        "ro": "De luni până vineri, 9:00–19:00",
    },
    "Group sessions on Tuesday and Thursday evenings": {
        "ur": "گروپ سیشن منگل اور جمعرات کی شام",
        "sk": "Skupinové stretnutia v utorok a vo štvrtok večer",
        "pl": "Spotkania grupowe we wtorki i czwartki wieczorem",
        "ro": "Întâlniri de grup marți și joi seara",
    },
    "Monday to Saturday, 9am to 6pm": {
        "ur": "پیر سے ہفتہ، صبح 9 سے شام 6 بجے تک",
        "sk": "Pondelok až sobota, 9.00 – 18.00",
        "pl": "Od poniedziałku do soboty, 9:00–18:00",
        "ro": "De luni până sâmbătă, 9:00–18:00",
    },
    # Support services: languages spoken
    "English": {"ur": "انگریزی", "sk": "angličtina", "pl": "angielski", "ro": "engleză"},
    "English, Urdu": {
        "ur": "انگریزی، اردو",
        "sk": "angličtina, urdčina",
        "pl": "angielski, urdu",
        "ro": "engleză, urdu",
    },
    "English, Romanian": {
        "ur": "انگریزی، رومانیائی",
        "sk": "angličtina, rumunčina",
        "pl": "angielski, rumuński",
        "ro": "engleză, română",
    },
    "English, Urdu, Slovak": {
        "ur": "انگریزی، اردو، سلوواک",
        "sk": "angličtina, urdčina, slovenčina",
        "pl": "angielski, urdu, słowacki",
        "ro": "engleză, urdu, slovacă",
    },
    "English, Urdu, Punjabi": {
        "ur": "انگریزی، اردو، پنجابی",
        "sk": "angličtina, urdčina, pandžábčina",
        "pl": "angielski, urdu, pendżabski",
        "ro": "engleză, urdu, punjabi",
    },
    "English, Polish, Romanian": {
        "ur": "انگریزی، پولش، رومانیائی",
        "sk": "angličtina, poľština, rumunčina",
        "pl": "angielski, polski, rumuński",
        "ro": "engleză, poloneză, română",
    },
    "English, interpreters on request": {
        "ur": "انگریزی، درخواست پر ترجمان",
        "sk": "angličtina, tlmočník na požiadanie",
        "pl": "angielski, tłumacz na życzenie",
        "ro": "engleză, interpreți la cerere",
    },
    "English, Polish, Slovak, interpreters on request": {
        "ur": "انگریزی، پولش، سلوواک، درخواست پر ترجمان",
        "sk": "angličtina, poľština, slovenčina, tlmočník na požiadanie",
        "pl": "angielski, polski, słowacki, tłumacz na życzenie",
        "ro": "engleză, poloneză, slovacă, interpreți la cerere",
    },
    # Support services: how to get in touch
    "Call or email.": {
        "ur": "فون کریں یا ای میل بھیجیں۔",
        "sk": "Zavolajte alebo napíšte e-mail.",
        "pl": "Zadzwoń lub napisz e-mail.",
        "ro": "Sunați sau trimiteți un e-mail.",
    },
    "Call or email to book a first appointment.": {
        "ur": "پہلی ملاقات طے کرنے کے لیے فون کریں یا ای میل بھیجیں۔",
        "sk": "Na prvé stretnutie sa objednajte telefonicky alebo e-mailom.",
        "pl": "Zadzwoń lub napisz e-mail, aby umówić pierwszą wizytę.",
        "ro": "Sunați sau trimiteți un e-mail pentru a programa o primă întâlnire.",
    },
    "Call or use the online chat. You do not have to give your name.": {
        "ur": "فون کریں یا آن لائن چیٹ استعمال کریں۔ آپ کو اپنا نام بتانے کی ضرورت نہیں۔",
        "sk": "Zavolajte alebo použite online chat. Nemusíte uviesť svoje meno.",
        "pl": "Zadzwoń albo skorzystaj z czatu online. Nie musisz podawać imienia.",
        "ro": "Sunați sau folosiți chatul online. Nu trebuie să vă spuneți numele.",
    },
    "Drop in, or call to speak to a youth worker.": {
        "ur": "بغیر اطلاع آ جائیں، یا کسی یوتھ ورکر سے بات کرنے کے لیے فون کریں۔",
        "sk": "Príďte bez objednania alebo zavolajte a porozprávajte sa s pracovníkom s mládežou.",
        "pl": "Przyjdź bez zapisów albo zadzwoń, aby porozmawiać z pracownikiem młodzieżowym.",
        "ro": "Veniți direct sau sunați pentru a vorbi cu un lucrător de tineret.",
    },
    "Call 101, or 999 in an emergency. Professionals use the multi-agency referral form.": {
        "ur": "101 پر کال کریں، یا ہنگامی صورت میں 999 پر۔ پیشہ ور افراد ملٹی ایجنسی ریفرل فارم استعمال کریں۔",
        "sk": "Volajte 101, v núdzi 999. Odborníci použijú medziinštitucionálny formulár na odporúčanie.",
        "pl": "Zadzwoń pod 101, a w nagłych wypadkach pod 999. Specjaliści korzystają z wieloagencyjnego formularza "
        "zgłoszenia.",
        "ro": "Sunați la 101 sau, în caz de urgență, la 999. Profesioniștii folosesc formularul de trimitere "
        "multi-agenție.",
    },
    "Call for a consultation.": {
        "ur": "مشورے کے لیے فون کریں۔",
        "sk": "Zavolajte a dohodnite si konzultáciu.",
        "pl": "Zadzwoń, aby uzyskać konsultację.",
        "ro": "Sunați pentru o consultație.",
    },
    "Call, text or email. Parents and professionals can refer with the young person's agreement.": {
        "ur": "فون کریں، ٹیکسٹ کریں یا ای میل بھیجیں۔ والدین اور پیشہ ور افراد نوجوان کی رضامندی سے ریفر کر سکتے ہیں۔",
        "sk": "Zavolajte, pošlite SMS alebo e-mail. Rodičia a odborníci môžu mladého človeka prihlásiť s jeho "
        "súhlasom.",
        "pl": "Zadzwoń, wyślij SMS lub e-mail. Rodzice i specjaliści mogą zgłosić młodą osobę za jej zgodą.",
        "ro": "Sunați, trimiteți un SMS sau un e-mail. Părinții și profesioniștii pot face o trimitere cu acordul "
        "tânărului.",
    },
    "Email to join a group.": {
        "ur": "کسی گروپ میں شامل ہونے کے لیے ای میل بھیجیں۔",
        "sk": "Ak sa chcete pridať do skupiny, napíšte e-mail.",
        "pl": "Napisz e-mail, aby dołączyć do grupy.",
        "ro": "Trimiteți un e-mail pentru a vă alătura unui grup.",
    },
    "Walk in or call to book.": {
        "ur": "بغیر اپائنٹمنٹ آئیں یا وقت لینے کے لیے فون کریں۔",
        "sk": "Príďte bez objednania alebo sa objednajte telefonicky.",
        "pl": "Przyjdź bez zapisów albo zadzwoń, aby się umówić.",
        "ro": "Veniți direct sau sunați pentru o programare.",
    },
    # Partner organisations
    "Northfield Healthy Schools Team": {
        "ur": "نارتھ فیلڈ ہیلتھی اسکولز ٹیم",
        "sk": "Tím Zdravé školy Northfield",
        "pl": "Zespół Zdrowe Szkoły Northfield",
        "ro": "Echipa Școli Sănătoase Northfield",
    },
    "Schools team": {"ur": "اسکولز ٹیم", "sk": "Tím pre školy", "pl": "Zespół ds. szkół", "ro": "Echipa pentru școli"},
    "Northfield Metropolitan Borough Council": {
        "ur": "نارتھ فیلڈ میٹروپولیٹن بورو کونسل",
        "sk": "Mestská rada Northfield",
        "pl": "Rada Miejska Northfield",
        "ro": "Consiliul Local Northfield",
    },
    "Council": {"ur": "کونسل", "sk": "Rada", "pl": "Rada", "ro": "Consiliul"},
    "Northfield NHS Integrated Care Board": {
        "ur": "نارتھ فیلڈ این ایچ ایس انٹیگریٹڈ کیئر بورڈ",
        "sk": "Rada integrovanej starostlivosti NHS Northfield",
        "pl": "Rada Zintegrowanej Opieki NHS Northfield",
        "ro": "Consiliul de Îngrijire Integrată NHS Northfield",
    },
    "NHS": {"ur": "این ایچ ایس", "sk": "NHS", "pl": "NHS", "ro": "NHS"},
    "Northfield Police": {
        "ur": "نارتھ فیلڈ پولیس",
        "sk": "Polícia Northfield",
        "pl": "Policja Northfield",
        "ro": "Poliția Northfield",
    },
    "Police": {"ur": "پولیس", "sk": "Polícia", "pl": "Policja", "ro": "Poliția"},
    "Northfield Public Health": {
        "ur": "نارتھ فیلڈ پبلک ہیلتھ",
        "sk": "Verejné zdravotníctvo Northfield",
        "pl": "Zdrowie Publiczne Northfield",
        "ro": "Sănătate Publică Northfield",
    },
    "Public health": {
        "ur": "صحتِ عامہ",
        "sk": "Verejné zdravotníctvo",
        "pl": "Zdrowie publiczne",
        "ro": "Sănătate publică",
    },
    "Northfield Voluntary Action": {
        "ur": "نارتھ فیلڈ والنٹری ایکشن",
        "sk": "Dobrovoľnícke centrum Northfield",
        "pl": "Centrum Wolontariatu Northfield",
        "ro": "Acțiunea Voluntară Northfield",
    },
    "Voluntary sector": {
        "ur": "رضاکار شعبہ",
        "sk": "Dobrovoľnícky sektor",
        "pl": "Sektor pozarządowy",
        "ro": "Sectorul voluntar",
    },
    # Site text (every page: header, footer, helpline panel)
    "Northfield Safeguarding Children Partnership": {
        "ur": "نارتھ فیلڈ: بچوں کے تحفظ کی شراکت داری",
        "sk": "Partnerstvo pre ochranu detí Northfield",
        "pl": "Partnerstwo na rzecz Ochrony Dzieci Northfield",
        "ro": "Parteneriatul pentru Protecția Copiilor Northfield",
    },
    "Partnership helpline": {
        "ur": "شراکت داری کی ہیلپ لائن",
        "sk": "Linka pomoci partnerstva",
        "pl": "Infolinia partnerstwa",
        "ro": "Linia de asistență a parteneriatului",
    },
    "Monday to Friday, 8am to 8pm; out of hours, call the police on 101": {
        "ur": "پیر سے جمعہ، صبح 8 سے رات 8 بجے تک؛ ان اوقات کے بعد پولیس کو 101 پر کال کریں",
        "sk": "Pondelok až piatok, 8.00 – 20.00; mimo týchto hodín volajte políciu na čísle 101",
        "pl": "Od poniedziałku do piątku, 8:00–20:00; poza tymi godzinami dzwoń na policję pod numer 101",
        "ro": "De luni până vineri, 8:00–20:00; în afara acestui program, sunați la poliție la 101",
    },
    "If a child is in immediate danger, call 999.": {
        "ur": "اگر کوئی بچہ فوری خطرے میں ہے تو 999 پر کال کریں۔",
        "sk": "Ak je dieťa v bezprostrednom nebezpečenstve, volajte 999.",
        "pl": "Jeśli dziecku grozi bezpośrednie niebezpieczeństwo, zadzwoń pod numer 999.",
        "ro": "Dacă un copil este în pericol imediat, sunați la 999.",
    },
}


def translation_for(text, language):
    """The demo translation of one segment, or None. Slugs and postal addresses stay as they are."""
    if text in ADDRESSES or text in {"get-help", "staying-safe-online"}:
        return text
    if text == "home-page":
        return f"home-page-{language}"
    return CONTENT.get(text, {}).get(language)
