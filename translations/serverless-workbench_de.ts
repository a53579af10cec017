<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>OutcomeText</name>
    <message>
        <source>success</source>
        <translation>Erfolg</translation>
    </message>
    <message>
        <source>function error</source>
        <translation>Funktionsfehler</translation>
    </message>
    <message>
        <source>init error</source>
        <translation>Init-Fehler</translation>
    </message>
    <message>
        <source>timeout</source>
        <translation>Zeitüberschreitung</translation>
    </message>
    <message>
        <source>runtime exited</source>
        <translation>Runtime beendet</translation>
    </message>
    <message>
        <source>throttled</source>
        <translation>gedrosselt</translation>
    </message>
    <message>
        <source>invalid request</source>
        <translation>ungültige Anfrage</translation>
    </message>
    <message>
        <source>response too large</source>
        <translation>Antwort zu groß</translation>
    </message>
    <message>
        <source>out of memory</source>
        <translation>Speicher erschöpft</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Serverless Workbench: write, run, see, price and deploy serverless functions.</source>
        <translation>Serverless Workbench: serverlose Funktionen schreiben, ausführen, beobachten, bepreisen und bereitstellen.</translation>
    </message>
    <message>
        <source>A workspace folder to open.</source>
        <translation>Ein Arbeitsbereich-Ordner, der geöffnet wird.</translation>
    </message>
    <message>
        <source>Save a screenshot to FILE (after --invoke runs) and quit.</source>
        <translation>Einen Screenshot in DATEI speichern (nachdem --invoke gelaufen ist) und beenden.</translation>
    </message>
    <message>
        <source>With --screenshot: invoke the selected function N times first.</source>
        <translation>Mit --screenshot: die ausgewählte Funktion zuerst N-mal aufrufen.</translation>
    </message>
    <message>
        <source>With --screenshot: bring these panels to the front (Run, Cost, Timeline, Logs, Metrics; comma-separated).</source>
        <translation>Mit --screenshot: diese Bereiche nach vorne holen (Run, Cost, Timeline, Logs, Metrics; durch Kommas getrennt).</translation>
    </message>
    <message>
        <source>Use this theme for this run only: system, light or dark (View &gt; Theme keeps one).</source>
        <translation>Dieses Design nur für diesen Start verwenden: system, light oder dark (Ansicht &gt; Design speichert eines).</translation>
    </message>
    <message>
        <source>Show the window in this language for this run only: a locale name such as de or zh_CN (en for English).</source>
        <translation>Das Fenster nur für diesen Start in dieser Sprache zeigen: ein Locale-Name wie de oder zh_CN (en für Englisch).</translation>
    </message>
</context>
<context>
    <name>swb</name>
    <message>
        <source>Show this help.</source>
        <translation>Diese Hilfe anzeigen.</translation>
    </message>
    <message>
        <source>Usage: swb %1 %2</source>
        <translation>Aufruf: swb %1 %2</translation>
    </message>
    <message>
        <source>The workspace folder (default: the current folder).</source>
        <translation>Der Arbeitsbereich-Ordner (Standard: der aktuelle Ordner).</translation>
    </message>
    <message>
        <source>Print machine-readable JSON.</source>
        <translation>Maschinenlesbares JSON ausgeben.</translation>
    </message>
    <message>
        <source>swb: %1</source>
        <translation>swb: %1</translation>
    </message>
    <message>
        <source>Run &quot;swb --help&quot; for usage.</source>
        <translation>Mit „swb --help“ erfahren Sie, wie swb aufgerufen wird.</translation>
    </message>
    <message>
        <source>Run &quot;swb %1 --help&quot; for usage.</source>
        <translation>Mit „swb %1 --help“ erfahren Sie, wie der Befehl aufgerufen wird.</translation>
    </message>
    <message>
        <source>There is no function &quot;%1&quot; in %2.</source>
        <translation>Es gibt keine Funktion „%1“ in %2.</translation>
    </message>
    <message>
        <source>The history has no invocation of &quot;%1&quot; yet; run it first (swb invoke %1 --repeat 20, or swb load %1 ...).</source>
        <translation>Der Verlauf enthält noch keinen Aufruf von „%1“; rufen Sie sie zuerst auf (swb invoke %1 --repeat 20 oder swb load %1 ...).</translation>
    </message>
    <message>
        <source>Price a function&apos;s month on AWS Lambda, Azure Functions, Google Cloud Functions and OpenWhisk: requests, compute, cold-start init, free tier, provisioned concurrency, storage and API Gateway as separate lines. Typed figures, the workspace&apos;s saved scenarios, or durations measured by the local runner. Prices: built-in tables with their sources (--prices), overridden by the workspace&apos;s pricing.json.</source>
        <translation>Den Monat einer Funktion auf AWS Lambda, Azure Functions, Google Cloud Functions und OpenWhisk berechnen: Anfragen, Rechenzeit, Kaltstart-Initialisierung, kostenloses Kontingent, bereitgestellte Parallelität, Speicher und API Gateway als eigene Zeilen. Eingegebene Werte, die gespeicherten Szenarien des Arbeitsbereichs oder vom lokalen Runner gemessene Dauern. Preise: eingebaute Tabellen mit ihren Quellen (--prices), überschrieben durch die pricing.json des Arbeitsbereichs.</translation>
    </message>
    <message>
        <source>aws (default), azure, gcp or openwhisk; several separated by commas price the same usage side by side.</source>
        <translation>aws (Standard), azure, gcp oder openwhisk; mehrere, durch Kommas getrennt, berechnen dieselbe Nutzung nebeneinander.</translation>
    </message>
    <message>
        <source>azure: consumption (default) or flex; gcp: gen2 (default) or gen1; openwhisk: ibm (default) or self-hosted.</source>
        <translation>azure: consumption (Standard) oder flex; gcp: gen2 (Standard) oder gen1; openwhisk: ibm (Standard) oder self-hosted.</translation>
    </message>
    <message>
        <source>Memory in MB (default 128, or the measured function&apos;s).</source>
        <translation>Arbeitsspeicher in MB (Standard 128 oder der der gemessenen Funktion).</translation>
    </message>
    <message>
        <source>Invocations per month.</source>
        <translation>Aufrufe pro Monat.</translation>
    </message>
    <message>
        <source>Invocations per second, averaged over a 730-hour month (instead of --invocations).</source>
        <translation>Aufrufe pro Sekunde, gemittelt über einen Monat mit 730 Stunden (statt --invocations).</translation>
    </message>
    <message>
        <source>Duration of one invocation in ms.</source>
        <translation>Dauer eines Aufrufs in ms.</translation>
    </message>
    <message>
        <source>x86_64 (default) or arm64.</source>
        <translation>x86_64 (Standard) oder arm64.</translation>
    </message>
    <message>
        <source>The provider&apos;s region (default: its first).</source>
        <translation>Die Region des Anbieters (Standard: seine erste).</translation>
    </message>
    <message>
        <source>Subtract the monthly free tier (off by default: most accounts use it up).</source>
        <translation>Das monatliche kostenlose Kontingent abziehen (standardmäßig aus: die meisten Konten verbrauchen es ohnehin).</translation>
    </message>
    <message>
        <source>Share of invocations that are cold starts (0..1); with --init-ms.</source>
        <translation>Anteil der Aufrufe, die Kaltstarts sind (0..1); zusammen mit --init-ms.</translation>
    </message>
    <message>
        <source>Init duration of a cold start in ms.</source>
        <translation>Initialisierungsdauer eines Kaltstarts in ms.</translation>
    </message>
    <message>
        <source>API Gateway in front (AWS): none (default), http or rest.</source>
        <translation>Vorgeschaltetes API Gateway (AWS): none (Standard), http oder rest.</translation>
    </message>
    <message>
        <source>Ephemeral storage in MB (AWS; 512 is free).</source>
        <translation>Flüchtiger Speicher in MB (AWS; 512 sind kostenlos).</translation>
    </message>
    <message>
        <source>AWS provisioned concurrency: instances kept all month; with --provisioned-share, the share of invocations they serve (default 1).</source>
        <translation>Bereitgestellte Parallelität bei AWS: den ganzen Monat vorgehaltene Instanzen; mit --provisioned-share der Anteil der Aufrufe, den sie bedienen (Standard 1).</translation>
    </message>
    <message>
        <source>See --provisioned.</source>
        <translation>Siehe --provisioned.</translation>
    </message>
    <message>
        <source>Price the workspace&apos;s scenario NAME.</source>
        <translation>Das Szenario NAME des Arbeitsbereichs berechnen.</translation>
    </message>
    <message>
        <source>Price the workspace&apos;s scenarios side by side: NAME1,NAME2,...</source>
        <translation>Die Szenarien des Arbeitsbereichs nebeneinander berechnen: NAME1,NAME2,...</translation>
    </message>
    <message>
        <source>Take the durations (per invocation), the cold-start share and the init duration from FUNCTION&apos;s history in the workspace.</source>
        <translation>Die Dauern (pro Aufruf), den Kaltstart-Anteil und die Initialisierungsdauer aus dem Verlauf von FUNCTION im Arbeitsbereich übernehmen.</translation>
    </message>
    <message>
        <source>Price memory sizes FROM..TO[:STEP] (MB), scaling the duration with the CPU each size gets.</source>
        <translation>Arbeitsspeichergrößen FROM..TO[:STEP] (MB) berechnen und die Dauer mit der CPU skalieren, die jede Größe erhält.</translation>
    </message>
    <message>
        <source>For --sweep: the share of the duration that scales with CPU (default 1).</source>
        <translation>Für --sweep: der Anteil der Dauer, der mit der CPU skaliert (Standard 1).</translation>
    </message>
    <message>
        <source>For --sweep: CPUs the code keeps busy (default 1).</source>
        <translation>Für --sweep: CPUs, die der Code auslastet (Standard 1).</translation>
    </message>
    <message>
        <source>The monthly volume where always-on servers become cheaper.</source>
        <translation>Das monatliche Volumen, ab dem ständig laufende Server günstiger werden.</translation>
    </message>
    <message>
        <source>For --break-even: the server (see --prices; default: the provider&apos;s smallest).</source>
        <translation>Für --break-even: der Server (siehe --prices; Standard: der kleinste des Anbieters).</translation>
    </message>
    <message>
        <source>For --break-even: how many (default 1).</source>
        <translation>Für --break-even: wie viele (Standard 1).</translation>
    </message>
    <message>
        <source>List the effective prices and where each comes from.</source>
        <translation>Die geltenden Preise auflisten und woher jeder stammt.</translation>
    </message>
    <message>
        <source>cost takes no positional arguments (&quot;%1&quot;); name scenarios with --scenario or --compare.</source>
        <translation>cost nimmt keine Positionsargumente („%1“); benennen Sie Szenarien mit --scenario oder --compare.</translation>
    </message>
    <message>
        <source>MB from 64 to 32768</source>
        <translation>MB von 64 bis 32768</translation>
    </message>
    <message>
        <source>a count from 0 to 10^13</source>
        <translation>eine Anzahl von 0 bis 10^13</translation>
    </message>
    <message>
        <source>a rate from 0 to 10^6</source>
        <translation>eine Rate von 0 bis 10^6</translation>
    </message>
    <message>
        <source>milliseconds from 0 to 900000</source>
        <translation>Millisekunden von 0 bis 900000</translation>
    </message>
    <message>
        <source>a share from 0 to 1</source>
        <translation>einen Anteil von 0 bis 1</translation>
    </message>
    <message>
        <source>MB from 512 to 10240</source>
        <translation>MB von 512 bis 10240</translation>
    </message>
    <message>
        <source>a count of instances</source>
        <translation>eine Anzahl von Instanzen</translation>
    </message>
    <message>
        <source>a number of CPUs</source>
        <translation>eine Anzahl von CPUs</translation>
    </message>
    <message>
        <source>a count from 1</source>
        <translation>eine Anzahl ab 1</translation>
    </message>
    <message>
        <source>Give --invocations or --per-second, not both.</source>
        <translation>Geben Sie --invocations oder --per-second an, nicht beides.</translation>
    </message>
    <message>
        <source>--arch is x86_64 or arm64, not &quot;%1&quot;.</source>
        <translation>--arch ist x86_64 oder arm64, nicht „%1“.</translation>
    </message>
    <message>
        <source>--gateway is none, http or rest, not &quot;%1&quot;.</source>
        <translation>--gateway ist none, http oder rest, nicht „%1“.</translation>
    </message>
    <message>
        <source>--cold-share and --init-ms go together: the cost of cold starts needs both.</source>
        <translation>--cold-share und --init-ms gehören zusammen: die Kosten der Kaltstarts brauchen beide.</translation>
    </message>
    <message>
        <source>Give --scenario or --compare, not both.</source>
        <translation>Geben Sie --scenario oder --compare an, nicht beides.</translation>
    </message>
    <message>
        <source>--measured is for typed usage; a scenario measures its own function when it has no durationMs.</source>
        <translation>--measured gilt für eingegebene Nutzung; ein Szenario misst seine eigene Funktion, wenn es keine durationMs hat.</translation>
    </message>
    <message>
        <source>Give --sweep or --break-even, not both.</source>
        <translation>Geben Sie --sweep oder --break-even an, nicht beides.</translation>
    </message>
    <message>
        <source>--sweep takes FROM..TO[:STEP] in MB, such as 128..3008 or 128..1024:128, not &quot;%1&quot;.</source>
        <translation>--sweep nimmt FROM..TO[:STEP] in MB, etwa 128..3008 oder 128..1024:128, nicht „%1“.</translation>
    </message>
    <message>
        <source>--sweep&apos;s range must go up, in at most 1000 steps.</source>
        <translation>Der Bereich von --sweep muss aufsteigen, in höchstens 1000 Schritten.</translation>
    </message>
    <message>
        <source>--duration-ms is needed (or --measured FUNCTION, or --scenario NAME).</source>
        <translation>--duration-ms wird benötigt (oder --measured FUNCTION oder --scenario NAME).</translation>
    </message>
    <message>
        <source>--invocations (per month) or --per-second is needed.</source>
        <translation>--invocations (pro Monat) oder --per-second wird benötigt.</translation>
    </message>
    <message>
        <source>swb: measured %1: %2 invocations, cold-start share %3, mean init %4 ms
</source>
        <translation>swb: gemessen %1: %2 Aufrufe, Kaltstart-Anteil %3, mittlere Initialisierung %4 ms
</translation>
    </message>
    <message>
        <source>--plan names one provider&apos;s plan; price one provider at a time with it.</source>
        <translation>--plan benennt den Tarif eines Anbieters; berechnen Sie damit jeweils einen Anbieter.</translation>
    </message>
    <message>
        <source>--provider: unknown provider &quot;%1&quot;; use %2.</source>
        <translation>--provider: unbekannter Anbieter „%1“; verwenden Sie %2.</translation>
    </message>
    <message>
        <source>--sweep prices one scenario or provider at a time.</source>
        <translation>--sweep berechnet jeweils ein Szenario oder einen Anbieter.</translation>
    </message>
    <message>
        <source>--break-even on %1 needs --server ID (one of: %2).</source>
        <translation>--break-even auf %1 braucht --server ID (eine von: %2).</translation>
    </message>
    <message>
        <source>aws, azure, gcp, openwhisk or local (default: the target&apos;s).</source>
        <translation>aws, azure, gcp, openwhisk oder local (Standard: der des Ziels).</translation>
    </message>
    <message>
        <source>A deploy target of workbench.json (for local: the stage name).</source>
        <translation>Ein Bereitstellungsziel aus workbench.json (für local: der Name der Stage).</translation>
    </message>
    <message>
        <source>A credentials profile (AWS: ~/.aws).</source>
        <translation>Ein Profil mit Zugangsdaten (AWS: ~/.aws).</translation>
    </message>
    <message>
        <source>The region, over the target&apos;s and the profile&apos;s.</source>
        <translation>Die Region, vorrangig vor der des Ziels und des Profils.</translation>
    </message>
    <message>
        <source>Send every API call here instead (an emulator, a test server).</source>
        <translation>Jeden API-Aufruf stattdessen hierhin senden (ein Emulator, ein Testserver).</translation>
    </message>
    <message>
        <source>Target &quot;%1&quot; deploys to %2, not %3.</source>
        <translation>Ziel „%1“ stellt auf %2 bereit, nicht auf %3.</translation>
    </message>
    <message>
        <source>workbench.json has no deploy target &quot;%1&quot;%2.</source>
        <translation>workbench.json hat kein Bereitstellungsziel „%1“%2.</translation>
    </message>
    <message>
        <source> (it has none)</source>
        <translation> (es hat keines)</translation>
    </message>
    <message>
        <source>; it has: </source>
        <translation>; es hat: </translation>
    </message>
    <message>
        <source>Say where: --provider aws|azure|gcp|openwhisk|local, or --target NAME from workbench.json.</source>
        <translation>Sagen Sie, wohin: --provider aws|azure|gcp|openwhisk|local oder --target NAME aus workbench.json.</translation>
    </message>
    <message>
        <source>  cancelling…</source>
        <translation>  wird abgebrochen…</translation>
    </message>
    <message>
        <source>Deploying %1 to %2 (target %3)
</source>
        <translation>Stelle %1 auf %2 bereit (Ziel %3)
</translation>
    </message>
    <message>
        <source>Rolling %1 on %2 (target %3) back to %4
</source>
        <translation>Setze %1 auf %2 (Ziel %3) zurück auf %4
</translation>
    </message>
    <message>
        <source>warning: the deploy was not recorded: %1</source>
        <translation>Warnung: die Bereitstellung wurde nicht aufgezeichnet: %1</translation>
    </message>
    <message>
        <source>Deployed %1: version %2%3
</source>
        <translation>%1 bereitgestellt: Version %2%3
</translation>
    </message>
    <message>
        <source> (code unchanged, upload skipped)</source>
        <translation> (Code unverändert, Hochladen übersprungen)</translation>
    </message>
    <message>
        <source>  id:     %1</source>
        <translation>  ID:     %1</translation>
    </message>
    <message>
        <source>  url:    %1</source>
        <translation>  URL:    %1</translation>
    </message>
    <message>
        <source>  code:   %1</source>
        <translation>  Code:   %1</translation>
    </message>
    <message>
        <source>  commit: %1</source>
        <translation>  Commit: %1</translation>
    </message>
    <message>
        <source> + uncommitted changes (%1)</source>
        <translation> + nicht committete Änderungen (%1)</translation>
    </message>
    <message>
        <source>  commit: none (%1)</source>
        <translation>  Commit: keiner (%1)</translation>
    </message>
    <message>
        <source>warning: deployed with uncommitted changes; the record is marked dirty.</source>
        <translation>Warnung: mit nicht committeten Änderungen bereitgestellt; der Eintrag ist als „dirty“ markiert.</translation>
    </message>
    <message>
        <source>  tag:    %1</source>
        <translation>  Tag:    %1</translation>
    </message>
    <message>
        <source>The workspace has no function &quot;%1&quot;; swb functions lists them.</source>
        <translation>Der Arbeitsbereich hat keine Funktion „%1“; swb functions listet sie auf.</translation>
    </message>
    <message>
        <source>Deploy a function: package its folder (honouring .swbignore), create or update it on the platform, wait until it is ready, and record the deploy (commit, code hash, outcome) in .swb/deploys.json. An unchanged package skips the upload. Ctrl+C cancels.</source>
        <translation>Eine Funktion bereitstellen: ihren Ordner packen (unter Beachtung von .swbignore), sie auf der Plattform anlegen oder aktualisieren, warten, bis sie bereit ist, und die Bereitstellung (Commit, Code-Hash, Ergebnis) in .swb/deploys.json aufzeichnen. Ein unverändertes Paket überspringt das Hochladen. Strg+C bricht ab.</translation>
    </message>
    <message>
        <source>The function.</source>
        <translation>Die Funktion.</translation>
    </message>
    <message>
        <source>deploy needs one function name.</source>
        <translation>deploy braucht einen Funktionsnamen.</translation>
    </message>
    <message>
        <source>Deploy a function&apos;s folder as it was at a commit: read from git into a temporary folder (your working tree is not touched), packaged and deployed like swb deploy, recorded and tagged with that commit. The function&apos;s settings are today&apos;s.</source>
        <translation>Den Ordner einer Funktion so bereitstellen, wie er bei einem Commit war: aus git in einen temporären Ordner gelesen (Ihr Arbeitsverzeichnis bleibt unberührt), gepackt und bereitgestellt wie bei swb deploy, aufgezeichnet und mit diesem Commit getaggt. Die Einstellungen der Funktion sind die heutigen.</translation>
    </message>
    <message>
        <source>The commit (id, abbreviation, tag such as deploy/aws/hello/2).</source>
        <translation>Der Commit (ID, Abkürzung, Tag wie deploy/aws/hello/2).</translation>
    </message>
    <message>
        <source>rollback needs one function name.</source>
        <translation>rollback braucht einen Funktionsnamen.</translation>
    </message>
    <message>
        <source>rollback needs --to COMMIT; swb history FUNCTION lists the commits.</source>
        <translation>rollback braucht --to COMMIT; swb history FUNCTION listet die Commits auf.</translation>
    </message>
    <message>
        <source>Show a deployed function&apos;s log lines from the platform (AWS: CloudWatch Logs; the local stage: what swb serve --stage recorded). --tail keeps following (Ctrl+C stops); a line is never shown twice, also across reconnects.</source>
        <translation>Die Protokollzeilen einer bereitgestellten Funktion von der Plattform anzeigen (AWS: CloudWatch Logs; die lokale Stage: was swb serve --stage aufgezeichnet hat). --tail folgt weiter (Strg+C beendet); keine Zeile erscheint zweimal, auch nicht über Neuverbindungen hinweg.</translation>
    </message>
    <message>
        <source>From how long ago (30s, 10m, 2h, 1d) or an ISO time (default 10m).</source>
        <translation>Seit wann (30s, 10m, 2h, 1d) oder eine ISO-Zeit (Standard 10m).</translation>
    </message>
    <message>
        <source>Keep following.</source>
        <translation>Weiter folgen.</translation>
    </message>
    <message>
        <source>Only lines containing TEXT.</source>
        <translation>Nur Zeilen, die TEXT enthalten.</translation>
    </message>
    <message>
        <source>logs needs one function name.</source>
        <translation>logs braucht einen Funktionsnamen.</translation>
    </message>
    <message>
        <source>--since takes 30s, 10m, 2h, 1d or an ISO time, not &quot;%1&quot;.</source>
        <translation>--since nimmt 30s, 10m, 2h, 1d oder eine ISO-Zeit, nicht „%1“.</translation>
    </message>
    <message>
        <source>warning: %1 (still trying)</source>
        <translation>Warnung: %1 (neuer Versuch läuft)</translation>
    </message>
    <message>
        <source>reconnected</source>
        <translation>wieder verbunden</translation>
    </message>
    <message>
        <source>check: for each platform (or --provider), which credentials were found and whether the platform accepts them. Secrets are never printed.</source>
        <translation>check: für jede Plattform (oder --provider), welche Zugangsdaten gefunden wurden und ob die Plattform sie akzeptiert. Geheimnisse werden nie ausgegeben.</translation>
    </message>
    <message>
        <source>providers takes one action: check.</source>
        <translation>providers nimmt eine Aktion: check.</translation>
    </message>
    <message>
        <source>%1: ok — %2 (credentials: %3; endpoint: %4%5)
</source>
        <translation>%1: ok — %2 (Zugangsdaten: %3; Endpunkt: %4%5)
</translation>
    </message>
    <message>
        <source>; region %1</source>
        <translation>; Region %1</translation>
    </message>
    <message>
        <source>%1: not usable — %2
</source>
        <translation>%1: nicht verwendbar — %2
</translation>
    </message>
    <message>
        <source>List the event templates.</source>
        <translation>Die Ereignisvorlagen auflisten.</translation>
    </message>
    <message>
        <source>event list takes no arguments.</source>
        <translation>event list nimmt keine Argumente.</translation>
    </message>
    <message>
        <source>fields: </source>
        <translation>Felder: </translation>
    </message>
    <message>
        <source>Print an event of KIND, with fields set by --set. TARGET is a field name from &quot;swb event list&quot;, a JSON pointer (/Records/0/s3/bucket/name) or a dotted path (Records.0.s3.bucket.name).</source>
        <translation>Ein Ereignis der Art KIND ausgeben, mit durch --set gesetzten Feldern. TARGET ist ein Feldname aus „swb event list“, ein JSON-Pointer (/Records/0/s3/bucket/name) oder ein Pfad mit Punkten (Records.0.s3.bucket.name).</translation>
    </message>
    <message>
        <source>An event kind from &quot;swb event list&quot;.</source>
        <translation>Eine Ereignisart aus „swb event list“.</translation>
    </message>
    <message>
        <source>Set TARGET to VALUE (JSON where the template holds a non-string; repeatable).</source>
        <translation>TARGET auf VALUE setzen (JSON, wo die Vorlage keinen String enthält; wiederholbar).</translation>
    </message>
    <message>
        <source>Write the event to FILE instead of printing it.</source>
        <translation>Das Ereignis in FILE schreiben, statt es auszugeben.</translation>
    </message>
    <message>
        <source>event generate needs one event kind; &quot;swb event list&quot; shows them.</source>
        <translation>event generate braucht eine Ereignisart; „swb event list“ zeigt sie.</translation>
    </message>
    <message>
        <source>%1 cannot be written: %2.</source>
        <translation>%1 kann nicht geschrieben werden: %2.</translation>
    </message>
    <message>
        <source>Wrote %1.</source>
        <translation>%1 geschrieben.</translation>
    </message>
    <message>
        <source>event needs a subcommand: list or generate.</source>
        <translation>event braucht einen Unterbefehl: list oder generate.</translation>
    </message>
    <message>
        <source>Usage: swb event list [--json]
       swb event generate KIND [--set TARGET=VALUE ...] [--out FILE]

Test events shaped as AWS services send them (API Gateway, S3, SQS, SNS, EventBridge, DynamoDB, Kinesis).
</source>
        <translation>Aufruf: swb event list [--json]
        swb event generate KIND [--set TARGET=VALUE ...] [--out FILE]

Testereignisse, so geformt, wie AWS-Dienste sie senden (API Gateway, S3, SQS, SNS, EventBridge, DynamoDB, Kinesis).
</translation>
    </message>
    <message>
        <source>unknown event subcommand &quot;%1&quot;; use list or generate.</source>
        <translation>unbekannter event-Unterbefehl „%1“; verwenden Sie list oder generate.</translation>
    </message>
    <message>
        <source>Change a workspace&apos;s functions:
  new NAME [--runtime ID]   a function from the runtime&apos;s template: NAME/ with a handler answering GET /NAME, and a saved event
  rename OLD NEW            renames it in workbench.json, its saved events and scenarios
  delete NAME [--delete-files]  removes it from workbench.json (and its code folder and events with --delete-files)</source>
        <translation>Die Funktionen eines Arbeitsbereichs ändern:
  new NAME [--runtime ID]   eine Funktion aus der Vorlage der Laufzeit: NAME/ mit einem Handler, der GET /NAME beantwortet, und ein gespeichertes Ereignis
  rename OLD NEW            benennt sie in workbench.json, ihren gespeicherten Ereignissen und Szenarien um
  delete NAME [--delete-files]  entfernt sie aus workbench.json (mit --delete-files auch ihren Code-Ordner und ihre Ereignisse)</translation>
    </message>
    <message>
        <source>new, rename or delete</source>
        <translation>new, rename oder delete</translation>
    </message>
    <message>
        <source>For new: %1 (default python3.12).</source>
        <translation>Für new: %1 (Standard python3.12).</translation>
    </message>
    <message>
        <source>For delete: also delete the code folder (unless another function uses it) and the saved events.</source>
        <translation>Für delete: auch den Code-Ordner (sofern keine andere Funktion ihn nutzt) und die gespeicherten Ereignisse löschen.</translation>
    </message>
    <message>
        <source>function needs an action: new, rename or delete.</source>
        <translation>function braucht eine Aktion: new, rename oder delete.</translation>
    </message>
    <message>
        <source>function rename needs OLD and NEW names.</source>
        <translation>function rename braucht den alten und den neuen Namen (OLD und NEW).</translation>
    </message>
    <message>
        <source>function %1 needs one function name.</source>
        <translation>function %1 braucht einen Funktionsnamen.</translation>
    </message>
    <message>
        <source>Created &quot;%1&quot; (%2, handler %3) in %4; try: swb invoke %1 --workspace %5 --event hello
</source>
        <translation>„%1“ angelegt (%2, Handler %3) in %4; probieren Sie: swb invoke %1 --workspace %5 --event hello
</translation>
    </message>
    <message>
        <source>Renamed &quot;%1&quot; to &quot;%2&quot;.
</source>
        <translation>„%1“ in „%2“ umbenannt.
</translation>
    </message>
    <message>
        <source>Removed &quot;%1&quot; and its files.
</source>
        <translation>„%1“ und seine Dateien entfernt.
</translation>
    </message>
    <message>
        <source>Removed &quot;%1&quot; from workbench.json; its files are still there.
</source>
        <translation>„%1“ aus workbench.json entfernt; seine Dateien sind noch vorhanden.
</translation>
    </message>
    <message>
        <source>Create a workspace from an AWS SAM template.yaml or a Serverless Framework serverless.yml. What cannot be imported is listed as a warning.</source>
        <translation>Einen Arbeitsbereich aus einer AWS-SAM-template.yaml oder einer serverless.yml des Serverless Framework anlegen. Was nicht importiert werden kann, wird als Warnung aufgeführt.</translation>
    </message>
    <message>
        <source>template.yaml or serverless.yml.</source>
        <translation>template.yaml oder serverless.yml.</translation>
    </message>
    <message>
        <source>Folder to write workbench.json in (default: the file&apos;s folder).</source>
        <translation>Ordner, in den workbench.json geschrieben wird (Standard: der Ordner der Datei).</translation>
    </message>
    <message>
        <source>Replace an existing workbench.json.</source>
        <translation>Eine vorhandene workbench.json ersetzen.</translation>
    </message>
    <message>
        <source>import needs exactly one file: a template.yaml or a serverless.yml.</source>
        <translation>import braucht genau eine Datei: eine template.yaml oder eine serverless.yml.</translation>
    </message>
    <message>
        <source>%1 already exists; use --force to replace it or --out to write elsewhere.</source>
        <translation>%1 existiert bereits; ersetzen Sie sie mit --force oder schreiben Sie mit --out woandershin.</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %1 with %n function(s)</source>
        <translation>
            <numerusform>%1 mit %n Funktion geschrieben</numerusform>
            <numerusform>%1 mit %n Funktionen geschrieben</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n thing(s) not imported (see warnings)</source>
        <translation>
            <numerusform>; %n Element nicht importiert (siehe Warnungen)</numerusform>
            <numerusform>; %n Elemente nicht importiert (siehe Warnungen)</numerusform>
        </translation>
    </message>
    <message>
        <source>.</source>
        <translation>.</translation>
    </message>
    <message numerus="yes">
        <source>swb: the new workspace does not validate yet: %n problem(s) to fix in %1.</source>
        <translation>
            <numerusform>swb: der neue Arbeitsbereich ist noch nicht gültig: %n Problem in %1 zu beheben.</numerusform>
            <numerusform>swb: der neue Arbeitsbereich ist noch nicht gültig: %n Probleme in %1 zu beheben.</numerusform>
        </translation>
    </message>
    <message>
        <source>START</source>
        <translation>START</translation>
    </message>
    <message>
        <source>INIT ms</source>
        <translation>INIT ms</translation>
    </message>
    <message>
        <source>DURATION ms</source>
        <translation>DAUER ms</translation>
    </message>
    <message>
        <source>BILLED ms</source>
        <translation>ABGER. ms</translation>
    </message>
    <message>
        <source>MEMORY MB</source>
        <translation>SPEICHER MB</translation>
    </message>
    <message>
        <source>OUTCOME</source>
        <translation>ERGEBNIS</translation>
    </message>
    <message>
        <source>
%1 invocations: %2 cold, %3 warm, %4 failed</source>
        <translation>
%1 Aufrufe: %2 kalt, %3 warm, %4 fehlgeschlagen</translation>
    </message>
    <message>
        <source> (%1 throttled)</source>
        <translation> (%1 gedrosselt)</translation>
    </message>
    <message>
        <source>. Duration p50 %1 ms, p95 %2 ms, p99 %3 ms</source>
        <translation>. Dauer p50 %1 ms, p95 %2 ms, p99 %3 ms</translation>
    </message>
    <message>
        <source>; init p50 %1 ms</source>
        <translation>; Initialisierung p50 %1 ms</translation>
    </message>
    <message>
        <source>Cannot read the event from standard input.</source>
        <translation>Das Ereignis kann nicht von der Standardeingabe gelesen werden.</translation>
    </message>
    <message>
        <source>The event %1 is neither a file nor a saved event of &quot;%2&quot;; saved events: %3.</source>
        <translation>Das Ereignis %1 ist weder eine Datei noch ein gespeichertes Ereignis von „%2“; gespeicherte Ereignisse: %3.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Cannot read the event %1: %2.</source>
        <translation>Das Ereignis %1 kann nicht gelesen werden: %2.</translation>
    </message>
    <message>
        <source>Invoke a function on the local runner (real processes, the Lambda Runtime API, cold and warm starts). Logs with Lambda&apos;s START/END/REPORT lines go to stderr; the response, or a table with --repeat, to stdout. The workspace&apos;s databases (&quot;resources&quot;) start first and stop at the end (one line each on stderr).</source>
        <translation>Eine Funktion im lokalen Runner aufrufen (echte Prozesse, die Lambda Runtime API, Kalt- und Warmstarts). Protokolle mit Lambdas START/END/REPORT-Zeilen gehen nach stderr; die Antwort, oder mit --repeat eine Tabelle, nach stdout. Die Datenbanken des Arbeitsbereichs („resources“) starten zuerst und stoppen am Ende (je eine Zeile auf stderr).</translation>
    </message>
    <message>
        <source>The function&apos;s name.</source>
        <translation>Der Name der Funktion.</translation>
    </message>
    <message>
        <source>The event: a JSON file, - for standard input, or the name of a saved event (default: {}).</source>
        <translation>Das Ereignis: eine JSON-Datei, - für die Standardeingabe oder der Name eines gespeicherten Ereignisses (Standard: {}).</translation>
    </message>
    <message>
        <source>Invoke N times (default 1).</source>
        <translation>N-mal aufrufen (Standard 1).</translation>
    </message>
    <message>
        <source>At most C invocations at once (default 1).</source>
        <translation>Höchstens C Aufrufe gleichzeitig (Standard 1).</translation>
    </message>
    <message>
        <source>Do not freeze (SIGSTOP) idle instances.</source>
        <translation>Instanzen im Leerlauf nicht einfrieren (SIGSTOP).</translation>
    </message>
    <message>
        <source>invoke needs exactly one function name.</source>
        <translation>invoke braucht genau einen Funktionsnamen.</translation>
    </message>
    <message>
        <source>--repeat needs a whole number from 1 to 1000000.</source>
        <translation>--repeat braucht eine ganze Zahl von 1 bis 1000000.</translation>
    </message>
    <message>
        <source>--concurrency needs a whole number from 1 to 1000.</source>
        <translation>--concurrency braucht eine ganze Zahl von 1 bis 1000.</translation>
    </message>
    <message>
        <source>There is no function &quot;%1&quot; in %2; functions: %3.</source>
        <translation>Es gibt keine Funktion „%1“ in %2; Funktionen: %3.</translation>
    </message>
    <message>
        <source>swb: warning: %1</source>
        <translation>swb: Warnung: %1</translation>
    </message>
    <message>
        <source>swb: interrupted; every instance was shut down.</source>
        <translation>swb: unterbrochen; alle Instanzen wurden beendet.</translation>
    </message>
    <message>
        <source>swb: %1 failed: %2 (%3).</source>
        <translation>swb: %1 fehlgeschlagen: %2 (%3).</translation>
    </message>
    <message>
        <source>Send a bounded load to a function through the local runner and report cold starts, throttles and latency per second and in total. Requests beyond the concurrency cap are throttled, as on Lambda.</source>
        <translation>Eine begrenzte Last über den lokalen Runner an eine Funktion senden und Kaltstarts, Drosselungen und Latenz pro Sekunde und insgesamt melden. Anfragen über der Parallelitätsgrenze werden gedrosselt, wie bei Lambda.</translation>
    </message>
    <message>
        <source>Requests per second.</source>
        <translation>Anfragen pro Sekunde.</translation>
    </message>
    <message>
        <source>Seconds to send for.</source>
        <translation>Sekunden, die gesendet wird.</translation>
    </message>
    <message>
        <source>constant (default), poisson or burst (each second&apos;s requests at once).</source>
        <translation>constant (Standard), poisson oder burst (die Anfragen jeder Sekunde auf einmal).</translation>
    </message>
    <message>
        <source>The event: a JSON file (default: {}).</source>
        <translation>Das Ereignis: eine JSON-Datei (Standard: {}).</translation>
    </message>
    <message>
        <source>Seconds an idle instance is kept (default: the workspace&apos;s runner.keepAliveSeconds, else 600).</source>
        <translation>Sekunden, die eine Instanz im Leerlauf vorgehalten wird (Standard: runner.keepAliveSeconds des Arbeitsbereichs, sonst 600).</translation>
    </message>
    <message>
        <source>Instances at most, unless the function reserves its own (default: the workspace&apos;s runner.concurrencyLimit, else 10).</source>
        <translation>Höchstzahl der Instanzen, sofern die Funktion keine eigenen reserviert (Standard: runner.concurrencyLimit des Arbeitsbereichs, sonst 10).</translation>
    </message>
    <message>
        <source>Seed for poisson (default 1).</source>
        <translation>Startwert für poisson (Standard 1).</translation>
    </message>
    <message>
        <source>load needs exactly one function name.</source>
        <translation>load braucht genau einen Funktionsnamen.</translation>
    </message>
    <message>
        <source>--rate needs requests per second, above 0 and at most 10000.</source>
        <translation>--rate braucht Anfragen pro Sekunde, über 0 und höchstens 10000.</translation>
    </message>
    <message>
        <source>--duration needs seconds, above 0 and at most 3600.</source>
        <translation>--duration braucht Sekunden, über 0 und höchstens 3600.</translation>
    </message>
    <message>
        <source>--pattern is constant, poisson or burst.</source>
        <translation>--pattern ist constant, poisson oder burst.</translation>
    </message>
    <message>
        <source>--keep-alive needs seconds, 0 or more.</source>
        <translation>--keep-alive braucht Sekunden, 0 oder mehr.</translation>
    </message>
    <message>
        <source>--concurrency-limit needs a number from 1 to 1000.</source>
        <translation>--concurrency-limit braucht eine Zahl von 1 bis 1000.</translation>
    </message>
    <message>
        <source>SECOND</source>
        <translation>SEKUNDE</translation>
    </message>
    <message>
        <source>SENT</source>
        <translation>GESENDET</translation>
    </message>
    <message>
        <source>COLD</source>
        <translation>KALT</translation>
    </message>
    <message>
        <source>THROTTLED</source>
        <translation>GEDROSSELT</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>FEHLER</translation>
    </message>
    <message>
        <source>p50 ms / p99 ms</source>
        <translation>p50 ms / p99 ms</translation>
    </message>
    <message>
        <source>Check a workspace&apos;s workbench.json and the code it points at.</source>
        <translation>Die workbench.json eines Arbeitsbereichs und den Code prüfen, auf den sie verweist.</translation>
    </message>
    <message>
        <source>List a workspace&apos;s functions: runtime, handler, memory, triggers.</source>
        <translation>Die Funktionen eines Arbeitsbereichs auflisten: Laufzeit, Handler, Arbeitsspeicher, Auslöser.</translation>
    </message>
    <message>
        <source>Add a function from a template, rename or delete one.</source>
        <translation>Eine Funktion aus einer Vorlage hinzufügen, umbenennen oder löschen.</translation>
    </message>
    <message>
        <source>Create a workspace from a SAM template.yaml or a serverless.yml.</source>
        <translation>Einen Arbeitsbereich aus einer SAM-template.yaml oder einer serverless.yml anlegen.</translation>
    </message>
    <message>
        <source>List event templates or generate an event (API Gateway, S3, SQS, ...).</source>
        <translation>Ereignisvorlagen auflisten oder ein Ereignis erzeugen (API Gateway, S3, SQS, ...).</translation>
    </message>
    <message>
        <source>Run a function on the local runner; --repeat shows cold and warm starts.</source>
        <translation>Eine Funktion im lokalen Runner ausführen; --repeat zeigt Kalt- und Warmstarts.</translation>
    </message>
    <message>
        <source>Serve the functions: HTTP gateway, Lambda Invoke API and SQS on one port.</source>
        <translation>Die Funktionen lokal ausliefern: HTTP-Gateway, Lambda Invoke API und SQS auf einem Port.</translation>
    </message>
    <message>
        <source>Send to, list or read the local SQS queues of a running swb serve.</source>
        <translation>An die lokalen SQS-Warteschlangen eines laufenden swb serve senden, sie auflisten oder lesen.</translation>
    </message>
    <message>
        <source>Issue and verify the workspace&apos;s signed JWTs; print its JWKS.</source>
        <translation>Die signierten JWTs des Arbeitsbereichs ausstellen und prüfen; sein JWKS ausgeben.</translation>
    </message>
    <message>
        <source>Start, stop or show the workspace&apos;s databases (PostgreSQL, SQLite).</source>
        <translation>Die Datenbanken des Arbeitsbereichs starten, stoppen oder anzeigen (PostgreSQL, SQLite).</translation>
    </message>
    <message>
        <source>Send a bounded load through the runner: cold starts against traffic.</source>
        <translation>Eine begrenzte Last durch den Runner senden: Kaltstarts gegenüber dem Verkehr.</translation>
    </message>
    <message>
        <source>Counts, cold-start share and percentiles from the invocation history.</source>
        <translation>Anzahlen, Kaltstart-Anteil und Perzentile aus dem Aufrufverlauf.</translation>
    </message>
    <message>
        <source>Price a month on AWS, Azure, Google Cloud, OpenWhisk; compare, sweep, break-even.</source>
        <translation>Einen Monat auf AWS, Azure, Google Cloud, OpenWhisk berechnen; vergleichen, durchmustern, Break-even.</translation>
    </message>
    <message>
        <source>Simulate a function&apos;s instances over days: cold starts, throttles, usage.</source>
        <translation>Die Instanzen einer Funktion über Tage simulieren: Kaltstarts, Drosselungen, Nutzung.</translation>
    </message>
    <message>
        <source>Deploy a function to AWS, Azure, Google Cloud, OpenWhisk or a local stage.</source>
        <translation>Eine Funktion auf AWS, Azure, Google Cloud, OpenWhisk oder einer lokalen Stage bereitstellen.</translation>
    </message>
    <message>
        <source>Show or follow a deployed function&apos;s logs from its platform.</source>
        <translation>Die Protokolle einer bereitgestellten Funktion von ihrer Plattform anzeigen oder ihnen folgen.</translation>
    </message>
    <message>
        <source>Check which platform credentials are found and whether they work.</source>
        <translation>Prüfen, welche Zugangsdaten für die Plattformen gefunden werden und ob sie funktionieren.</translation>
    </message>
    <message>
        <source>The commits that changed a function, with its deploy tags.</source>
        <translation>Die Commits, die eine Funktion geändert haben, mit ihren Bereitstellungs-Tags.</translation>
    </message>
    <message>
        <source>What changed in a function since a commit or since its last deploy.</source>
        <translation>Was sich an einer Funktion seit einem Commit oder seit ihrer letzten Bereitstellung geändert hat.</translation>
    </message>
    <message>
        <source>Deploy a function as it was at a commit, without touching your files.</source>
        <translation>Eine Funktion so bereitstellen, wie sie bei einem Commit war, ohne Ihre Dateien anzufassen.</translation>
    </message>
    <message>
        <source>Usage: swb COMMAND [ARGS...]
       swb COMMAND --help

Serverless Workbench: write, run, see, price and deploy serverless functions.

Commands:
</source>
        <translation>Aufruf: swb COMMAND [ARGS...]
        swb COMMAND --help

Serverless Workbench: Serverless-Funktionen schreiben, ausführen, beobachten, berechnen und bereitstellen.

Befehle:
</translation>
    </message>
    <message>
        <source>
Options:
  -h, --help       Show this help.
  --version        Show the version.
  --language CODE  The language of messages and help: de, zh_CN or en (default: the system&apos;s, from LANGUAGE, LC_ALL, LC_MESSAGES or LANG).

Commands that work on a workspace take --workspace DIR (default: the current folder).
Exit codes: 0 success, 1 the operation failed, 2 bad usage.
</source>
        <translation>
Optionen:
  -h, --help       Diese Hilfe anzeigen.
  --version        Die Version anzeigen.
  --language CODE  Die Sprache der Meldungen und der Hilfe: de, zh_CN oder en (Standard: die des Systems, aus LANGUAGE, LC_ALL, LC_MESSAGES oder LANG).

Befehle, die mit einem Arbeitsbereich arbeiten, nehmen --workspace DIR (Standard: der aktuelle Ordner).
Exit-Codes: 0 Erfolg, 1 der Vorgang ist fehlgeschlagen, 2 falscher Aufruf.
</translation>
    </message>
    <message>
        <source>swb: warning: no translation for language &quot;%1&quot;; using English.</source>
        <translation>swb: Warnung: keine Übersetzung für die Sprache „%1“; Englisch wird verwendet.</translation>
    </message>
    <message>
        <source>--language needs a language code, e.g. de or zh_CN.</source>
        <translation>--language braucht einen Sprachcode, z. B. de oder zh_CN.</translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot;.</source>
        <translation>unbekannter Befehl „%1“.</translation>
    </message>
    <message>
        <source>There are no successful invocations of %1 in the history of %2; run it first (swb invoke or swb load).</source>
        <translation>Es gibt keine erfolgreichen Aufrufe von %1 im Verlauf von %2; führen Sie sie zuerst aus (swb invoke oder swb load).</translation>
    </message>
    <message>
        <source>Simulate a function&apos;s instance pool: arrivals, service and init times, keep-alive, a concurrency cap (throttles, no queue) and provisioned instances. Durations take a unit: 500ms, 30s, 10m, 2h, 1d, 1mo (30 days); a bare number is seconds.</source>
        <translation>Den Instanz-Pool einer Funktion simulieren: Ankünfte, Bearbeitungs- und Initialisierungszeiten, Keep-Alive, eine Parallelitätsgrenze (Drosselung, keine Warteschlange) und bereitgestellte Instanzen. Dauern nehmen eine Einheit: 500ms, 30s, 10m, 2h, 1d, 1mo (30 Tage); eine Zahl ohne Einheit sind Sekunden.</translation>
    </message>
    <message>
        <source>simulate takes no positional arguments.</source>
        <translation>simulate nimmt keine Positionsargumente.</translation>
    </message>
    <message>
        <source>--%1 needs a duration such as 500ms, 30s, 10m, 2h, 1d or 1mo; got &quot;%2&quot;.</source>
        <translation>--%1 braucht eine Dauer wie 500ms, 30s, 10m, 2h, 1d oder 1mo; erhalten: „%2“.</translation>
    </message>
    <message>
        <source>--%1 needs %2; got &quot;%3&quot;.</source>
        <translation>--%1 braucht %2; erhalten: „%3“.</translation>
    </message>
    <message>
        <source>a whole number, 0 or more</source>
        <translation>eine ganze Zahl, 0 oder mehr</translation>
    </message>
    <message>
        <source>a number of instances, 1 or more</source>
        <translation>eine Anzahl von Instanzen, 1 oder mehr</translation>
    </message>
    <message>
        <source>a number from 0 to the cap</source>
        <translation>eine Zahl von 0 bis zur Obergrenze</translation>
    </message>
    <message>
        <source>megabytes, 1 or more</source>
        <translation>Megabyte, 1 oder mehr</translation>
    </message>
    <message>
        <source>one of %1 or none</source>
        <translation>eines von %1 oder none</translation>
    </message>
    <message>
        <source>milliseconds, 0 or more</source>
        <translation>Millisekunden, 0 oder mehr</translation>
    </message>
    <message>
        <source>a number from 0 to 10</source>
        <translation>eine Zahl von 0 bis 10</translation>
    </message>
    <message>
        <source>fixed, exponential or lognormal</source>
        <translation>fixed, exponential oder lognormal</translation>
    </message>
    <message>
        <source>--hybrid-range needs a duration of 1m or more, such as 4h; got &quot;%1&quot;.</source>
        <translation>--hybrid-range braucht eine Dauer von 1m oder mehr, etwa 4h; erhalten: „%1“.</translation>
    </message>
    <message>
        <source>fixed, none or hybrid</source>
        <translation>fixed, none oder hybrid</translation>
    </message>
    <message>
        <source>--rate and --trace do not go together: the trace sets the arrivals.</source>
        <translation>--rate und --trace gehören nicht zusammen: der Trace legt die Ankünfte fest.</translation>
    </message>
    <message>
        <source>--trace needs --function HASH: the HashFunction whose invocations to replay.</source>
        <translation>--trace braucht --function HASH: die HashFunction, deren Aufrufe wiedergegeben werden.</translation>
    </message>
    <message>
        <source>--rate needs invocations per second, above 0 (or give --trace).</source>
        <translation>--rate braucht Aufrufe pro Sekunde, über 0 (oder geben Sie --trace an).</translation>
    </message>
    <message>
        <source>a number from 0 to 1</source>
        <translation>eine Zahl von 0 bis 1</translation>
    </message>
    <message>
        <source>poisson, periodic, bursty or diurnal</source>
        <translation>poisson, periodic, bursty oder diurnal</translation>
    </message>
    <message>
        <source>swb simulate: %1% of %2 simulated</source>
        <translation>swb simulate: %1 % von %2 simuliert</translation>
    </message>
    <message>
        <source>swb: warning: cannot price the run: %1</source>
        <translation>swb: Warnung: der Lauf kann nicht berechnet werden: %1</translation>
    </message>
    <message>
        <source>Simulated %1: %2 arrivals (%3), service %4, init %5</source>
        <translation>%1 simuliert: %2 Ankünfte (%3), Bearbeitung %4, Initialisierung %5</translation>
    </message>
    <message>
        <source>Keep-alive: %1; cap %2, provisioned %3</source>
        <translation>Keep-Alive: %1; Obergrenze %2, bereitgestellt %3</translation>
    </message>
    <message>
        <source>  cold starts      %1 (%2 of served)</source>
        <translation>  Kaltstarts       %1 (%2 der bedienten)</translation>
    </message>
    <message>
        <source>  throttled        %1 (%2)</source>
        <translation>  gedrosselt       %1 (%2)</translation>
    </message>
    <message>
        <source>  pre-warm loads   %1</source>
        <translation>  Vorwärm-Ladungen %1</translation>
    </message>
    <message>
        <source>  latency ms       p50 %1  p90 %2  p99 %3  p99.9 %4  max %5  mean %6
</source>
        <translation>  Latenz ms        p50 %1  p90 %2  p99 %3  p99.9 %4  max %5  Mittel %6
</translation>
    </message>
    <message>
        <source>  instances        mean %1 (busy %2), max %3
</source>
        <translation>  Instanzen        Mittel %1 (beschäftigt %2), max %3
</translation>
    </message>
    <message>
        <source>  instance-hours   busy %1, idle %2 (init %3 of busy)
</source>
        <translation>  Instanzstunden   beschäftigt %1, Leerlauf %2 (Initialisierung %3 davon beschäftigt)
</translation>
    </message>
    <message>
        <source>  GB-seconds busy  %1 at %2 MB
</source>
        <translation>  GB-Sekunden      beschäftigt %1 bei %2 MB
</translation>
    </message>
    <message>
        <source>
Cost per 730-hour month (the run scaled by %1):
</source>
        <translation>
Kosten pro Monat mit 730 Stunden (der Lauf skaliert mit %1):
</translation>
    </message>
    <message>
        <source>(%1 s of wall time)
</source>
        <translation>(%1 s Laufzeit)
</translation>
    </message>
    <message>
        <source>swb: warning: %1 Invocations are not recorded.</source>
        <translation>swb: Warnung: %1 Aufrufe werden nicht aufgezeichnet.</translation>
    </message>
    <message>
        <source>Show what the workspace&apos;s history (.swb/history.sqlite) says about its invocations: counts, cold-start share, errors, duration and init percentiles. swb invoke, serve and load record every invocation.</source>
        <translation>Zeigen, was der Verlauf des Arbeitsbereichs (.swb/history.sqlite) über seine Aufrufe sagt: Anzahlen, Kaltstart-Anteil, Fehler, Perzentile von Dauer und Initialisierung. swb invoke, serve und load zeichnen jeden Aufruf auf.</translation>
    </message>
    <message>
        <source>One function (default: each function).</source>
        <translation>Eine Funktion (Standard: jede Funktion).</translation>
    </message>
    <message>
        <source>Only invocations of the last N minutes.</source>
        <translation>Nur Aufrufe der letzten N Minuten.</translation>
    </message>
    <message>
        <source>--since needs a number of minutes above 0.</source>
        <translation>--since braucht eine Anzahl Minuten über 0.</translation>
    </message>
    <message>
        <source>FUNCTION</source>
        <translation>FUNKTION</translation>
    </message>
    <message>
        <source>CALLS</source>
        <translation>AUFRUFE</translation>
    </message>
    <message>
        <source>COLD %</source>
        <translation>KALT %</translation>
    </message>
    <message>
        <source>ERRORS</source>
        <translation>FEHLER</translation>
    </message>
    <message>
        <source>INIT p50</source>
        <translation>INIT p50</translation>
    </message>
    <message>
        <source>(no invocations recorded yet)</source>
        <translation>(noch keine Aufrufe aufgezeichnet)</translation>
    </message>
    <message>
        <source>The workspace has no function &quot;%1&quot;.</source>
        <translation>Der Arbeitsbereich hat keine Funktion „%1“.</translation>
    </message>
    <message>
        <source>%1 is not a git repository, so it has no history; start one with: git init &amp;&amp; git add -A &amp;&amp; git commit -m &apos;First version&apos;.</source>
        <translation>%1 ist kein git-Repository und hat daher keinen Verlauf; legen Sie eines an mit: git init &amp;&amp; git add -A &amp;&amp; git commit -m &apos;First version&apos;.</translation>
    </message>
    <message>
        <source>The commits of the workspace&apos;s git repository that changed a function&apos;s folder, newest first, with the deploy tags (deploy/PROVIDER/FUNCTION/N) that point at them.</source>
        <translation>Die Commits des git-Repositorys des Arbeitsbereichs, die den Ordner einer Funktion geändert haben, die neuesten zuerst, mit den Bereitstellungs-Tags (deploy/PROVIDER/FUNCTION/N), die auf sie zeigen.</translation>
    </message>
    <message>
        <source>At most N commits (50).</source>
        <translation>Höchstens N Commits (50).</translation>
    </message>
    <message>
        <source>history needs one function name.</source>
        <translation>history braucht einen Funktionsnamen.</translation>
    </message>
    <message>
        <source>--limit needs a number of commits, 1 or more.</source>
        <translation>--limit braucht eine Anzahl von Commits, 1 oder mehr.</translation>
    </message>
    <message>
        <source>No commit has changed %1 yet.</source>
        <translation>Noch kein Commit hat %1 geändert.</translation>
    </message>
    <message>
        <source>What changed in a function&apos;s folder, as a unified diff against the working tree: since HEAD (default), since a commit (--since COMMIT), or since what was last deployed to a platform (--deployed PROVIDER, from .swb/deploys.json) — &quot;what is deployed&quot;.</source>
        <translation>Was sich im Ordner einer Funktion geändert hat, als Unified Diff gegen das Arbeitsverzeichnis: seit HEAD (Standard), seit einem Commit (--since COMMIT) oder seit der letzten Bereitstellung auf einer Plattform (--deployed PROVIDER, aus .swb/deploys.json) — „was ist bereitgestellt“.</translation>
    </message>
    <message>
        <source>A commit or tag.</source>
        <translation>Ein Commit oder Tag.</translation>
    </message>
    <message>
        <source>The provider whose last deploy to compare with.</source>
        <translation>Der Anbieter, mit dessen letzter Bereitstellung verglichen wird.</translation>
    </message>
    <message>
        <source>diff needs one function name.</source>
        <translation>diff braucht einen Funktionsnamen.</translation>
    </message>
    <message>
        <source>give --since or --deployed, not both.</source>
        <translation>Geben Sie --since oder --deployed an, nicht beides.</translation>
    </message>
    <message>
        <source>%1 was never deployed to %2 from this workspace.</source>
        <translation>%1 wurde nie aus diesem Arbeitsbereich auf %2 bereitgestellt.</translation>
    </message>
    <message>
        <source>The last deploy of %1 to %2 was made outside git; there is no commit to compare.</source>
        <translation>Die letzte Bereitstellung von %1 auf %2 erfolgte außerhalb von git; es gibt keinen Commit zum Vergleichen.</translation>
    </message>
    <message>
        <source>the %1 deploy of %2 (%3%4)</source>
        <translation>der %1-Bereitstellung vom %2 (%3%4)</translation>
    </message>
    <message>
        <source>, with uncommitted changes</source>
        <translation>, mit nicht committeten Änderungen</translation>
    </message>
    <message>
        <source>No changes in %1 since %2.</source>
        <translation>Keine Änderungen an %1 seit %2.</translation>
    </message>
    <message>
        <source>validate takes one workspace folder.</source>
        <translation>validate nimmt einen Arbeitsbereich-Ordner.</translation>
    </message>
    <message numerus="yes">
        <source>%1 is a valid workspace: &quot;%2&quot; with %n function(s)</source>
        <translation>
            <numerusform>%1 ist ein gültiger Arbeitsbereich: „%2“ mit %n Funktion</numerusform>
            <numerusform>%1 ist ein gültiger Arbeitsbereich: „%2“ mit %n Funktionen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (%n warning(s))</source>
        <translation>
            <numerusform> (%n Warnung)</numerusform>
            <numerusform> (%n Warnungen)</numerusform>
        </translation>
    </message>
    <message>
        <source>List the functions of a workspace.</source>
        <translation>Die Funktionen eines Arbeitsbereichs auflisten.</translation>
    </message>
    <message>
        <source>functions takes one workspace folder.</source>
        <translation>functions nimmt einen Arbeitsbereich-Ordner.</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>RUNTIME</source>
        <translation>LAUFZEIT</translation>
    </message>
    <message>
        <source>HANDLER</source>
        <translation>HANDLER</translation>
    </message>
    <message>
        <source>MEMORY</source>
        <translation>SPEICHER</translation>
    </message>
    <message>
        <source>TIMEOUT</source>
        <translation>TIMEOUT</translation>
    </message>
    <message>
        <source>TRIGGERS</source>
        <translation>AUSLÖSER</translation>
    </message>
    <message>
        <source>(no functions)</source>
        <translation>(keine Funktionen)</translation>
    </message>
    <message>
        <source>The running `swb serve` (default http://127.0.0.1:3000, serve&apos;s default port).</source>
        <translation>Das laufende `swb serve` (Standard: http://127.0.0.1:3000, der Standard-Port von serve).</translation>
    </message>
    <message>
        <source>the workspace names no queue &quot;%1&quot;; its queues: %2.</source>
        <translation>der Arbeitsbereich nennt keine Queue „%1“; seine Queues: %2.</translation>
    </message>
    <message>
        <source>Send a message to a local queue of a running `swb serve`; its queue trigger gets it in the next batch. Prints the message id and the body&apos;s MD5 as JSON.</source>
        <translation>Eine Nachricht an eine lokale Queue eines laufenden `swb serve` senden; ihr Queue-Trigger bekommt sie im nächsten Batch. Gibt die Nachrichten-ID und den MD5 des Inhalts als JSON aus.</translation>
    </message>
    <message>
        <source>The queue&apos;s name.</source>
        <translation>Der Name der Queue.</translation>
    </message>
    <message>
        <source>The message body.</source>
        <translation>Der Inhalt der Nachricht.</translation>
    </message>
    <message>
        <source>Read the message body from FILE.</source>
        <translation>Den Inhalt der Nachricht aus FILE lesen.</translation>
    </message>
    <message>
        <source>A String message attribute (repeatable).</source>
        <translation>Ein String-Nachrichtenattribut (wiederholbar).</translation>
    </message>
    <message>
        <source>Seconds before the message is visible (0-900).</source>
        <translation>Sekunden, bis die Nachricht sichtbar wird (0–900).</translation>
    </message>
    <message>
        <source>queue send takes one queue name.</source>
        <translation>queue send nimmt einen Queue-Namen.</translation>
    </message>
    <message>
        <source>give the message as --body TEXT or --file FILE.</source>
        <translation>geben Sie die Nachricht als --body TEXT oder --file FILE an.</translation>
    </message>
    <message>
        <source>--endpoint needs a URL such as http://127.0.0.1:3000.</source>
        <translation>--endpoint braucht eine URL wie http://127.0.0.1:3000.</translation>
    </message>
    <message>
        <source>--delay needs a number of seconds from 0 to 900.</source>
        <translation>--delay braucht eine Anzahl Sekunden von 0 bis 900.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2.</source>
        <translation>%1 kann nicht gelesen werden: %2.</translation>
    </message>
    <message>
        <source>--attribute needs NAME=VALUE, not &quot;%1&quot;.</source>
        <translation>--attribute braucht NAME=VALUE, nicht „%1“.</translation>
    </message>
    <message>
        <source>List the local queues of a running `swb serve` with their message counts.</source>
        <translation>Die lokalen Queues eines laufenden `swb serve` mit ihrer Nachrichtenanzahl auflisten.</translation>
    </message>
    <message>
        <source>queue list takes no arguments.</source>
        <translation>queue list nimmt keine Argumente.</translation>
    </message>
    <message>
        <source>%1  %2 visible, %3 in flight  %4
</source>
        <translation>%1  %2 sichtbar, %3 in Bearbeitung  %4
</translation>
    </message>
    <message>
        <source>Receive messages from a local queue of a running `swb serve` (a dead-letter queue, say) and print them as JSON, as `aws sqs receive-message` does. They stay hidden for the queue&apos;s visibility timeout and come back unless --delete is given.</source>
        <translation>Nachrichten aus einer lokalen Queue eines laufenden `swb serve` empfangen (etwa einer Dead-Letter-Queue) und als JSON ausgeben, wie `aws sqs receive-message` es tut. Sie bleiben für das Sichtbarkeits-Timeout der Queue verborgen und kommen zurück, außer mit --delete.</translation>
    </message>
    <message>
        <source>At most N messages, 1 to 10 (default 10).</source>
        <translation>Höchstens N Nachrichten, 1 bis 10 (Standard 10).</translation>
    </message>
    <message>
        <source>Delete the messages after printing them.</source>
        <translation>Die Nachrichten nach der Ausgabe löschen.</translation>
    </message>
    <message>
        <source>queue receive takes one queue name.</source>
        <translation>queue receive nimmt einen Queue-Namen.</translation>
    </message>
    <message>
        <source>--max needs a number from 1 to 10.</source>
        <translation>--max braucht eine Zahl von 1 bis 10.</translation>
    </message>
    <message>
        <source>Usage: swb queue send QUEUE (--body TEXT | --file FILE) [--attribute NAME=VALUE ...] [--delay S] [--endpoint URL] [--workspace DIR]
       swb queue list [--endpoint URL] [--json]
       swb queue receive QUEUE [--max N] [--delete] [--endpoint URL] [--workspace DIR]

The local SQS queues of a running `swb serve` (default endpoint http://127.0.0.1:3000): send messages to queue triggers, list the queues, read a dead-letter queue. The AWS CLI and SDKs work too: aws sqs send-message --endpoint-url http://127.0.0.1:3000 --queue-url URL --message-body TEXT.
</source>
        <translation>Aufruf: swb queue send QUEUE (--body TEXT | --file FILE) [--attribute NAME=VALUE ...] [--delay S] [--endpoint URL] [--workspace DIR]
        swb queue list [--endpoint URL] [--json]
        swb queue receive QUEUE [--max N] [--delete] [--endpoint URL] [--workspace DIR]

Die lokalen SQS-Queues eines laufenden `swb serve` (Standard-Endpunkt http://127.0.0.1:3000): Nachrichten an Queue-Trigger senden, die Queues auflisten, eine Dead-Letter-Queue lesen. Die AWS CLI und die SDKs funktionieren auch: aws sqs send-message --endpoint-url http://127.0.0.1:3000 --queue-url URL --message-body TEXT.
</translation>
    </message>
    <message>
        <source>queue needs a subcommand: send, list or receive.</source>
        <translation>queue braucht einen Unterbefehl: send, list oder receive.</translation>
    </message>
    <message>
        <source>unknown queue subcommand &quot;%1&quot;; use send, list or receive.</source>
        <translation>unbekannter queue-Unterbefehl „%1“; verwenden Sie send, list oder receive.</translation>
    </message>
    <message>
        <source>%1 is not a resource of %2; swb resources status lists them.</source>
        <translation>%1 ist keine Ressource von %2; swb resources status listet sie auf.</translation>
    </message>
    <message>
        <source>%1 is an SQLite file: %2
Open it with sqlite3 (apt-get install sqlite3).</source>
        <translation>%1 ist eine SQLite-Datei: %2
Öffnen Sie sie mit sqlite3 (apt-get install sqlite3).</translation>
    </message>
    <message>
        <source>No PostgreSQL connection for %1 (is PostgreSQL installed?).</source>
        <translation>Keine PostgreSQL-Verbindung für %1 (ist PostgreSQL installiert?).</translation>
    </message>
    <message>
        <source>Could not start %1: %2</source>
        <translation>%1 konnte nicht gestartet werden: %2</translation>
    </message>
    <message>
        <source>Stopped (%1) while the databases were starting.</source>
        <translation>Angehalten (%1), während die Datenbanken starteten.</translation>
    </message>
    <message>
        <source>The workspace&apos;s databases (&quot;resources&quot; in workbench.json). start: start them and keep them running until Ctrl-C, printing the variables functions get (passwords hidden). stop: stop servers a crashed or other workbench left running. status: each one&apos;s type and state (running, orphaned, stopped, or file for SQLite). psql NAME [-- PSQL-ARGS]: psql connected to NAME (sqlite3 for an SQLite one), started if need be or shared with the workbench running it; the password stays out of the command line. swb serve and swb invoke start them by themselves.</source>
        <translation>Die Datenbanken des Arbeitsbereichs („resources“ in workbench.json). start: sie starten und bis Strg+C laufen lassen; gibt die Variablen aus, die Funktionen bekommen (Passwörter verborgen). stop: Server anhalten, die ein abgestürzter oder anderer Workbench laufen ließ. status: Typ und Zustand von jeder (running, orphaned, stopped oder file für SQLite). psql NAME [-- PSQL-ARGS]: psql mit NAME verbunden (sqlite3 für eine SQLite-Datenbank), nötigenfalls gestartet oder mit dem Workbench geteilt, der sie betreibt; das Passwort bleibt aus der Befehlszeile heraus. swb serve und swb invoke starten sie selbst.</translation>
    </message>
    <message>
        <source>start, stop, status or psql NAME.</source>
        <translation>start, stop, status oder psql NAME.</translation>
    </message>
    <message>
        <source>resources psql needs the resource&apos;s name.</source>
        <translation>resources psql braucht den Namen der Ressource.</translation>
    </message>
    <message>
        <source>resources needs one action: start, stop or status.</source>
        <translation>resources braucht eine Aktion: start, stop oder status.</translation>
    </message>
    <message>
        <source> (started by process %1)</source>
        <translation> (gestartet von Prozess %1)</translation>
    </message>
    <message>
        <source>No resources in %1.</source>
        <translation>Keine Ressourcen in %1.</translation>
    </message>
    <message>
        <source>%1: stopped PostgreSQL (pid %2)
</source>
        <translation>%1: PostgreSQL angehalten (PID %2)
</translation>
    </message>
    <message>
        <source>Running; Ctrl-C stops them.</source>
        <translation>Läuft; Strg+C hält sie an.</translation>
    </message>
    <message>
        <source>swb: the databases were stopped.</source>
        <translation>swb: die Datenbanken wurden angehalten.</translation>
    </message>
    <message>
        <source>Serve the workspace&apos;s functions on one port: the HTTP gateway for their http triggers (API Gateway HTTP API payload 2.0 or REST 1.0), the Lambda Invoke API (POST /2015-03-31/functions/NAME/invocations), and SQS for the queues the workspace names (queue triggers get their messages in batches; async invocations go to their destinations), so the AWS CLI and SDKs work with --endpoint-url. The first line printed is &quot;listening on http://HOST:PORT&quot;. The workspace&apos;s databases (&quot;resources&quot;) start first, one line each on stderr, and their connections reach the functions as NAME_URL and PG* variables. Ctrl-C stops every instance and database.</source>
        <translation>Die Funktionen des Arbeitsbereichs auf einem Port ausliefern: das HTTP-Gateway für ihre http-Trigger (API Gateway HTTP API Payload 2.0 oder REST 1.0), die Lambda Invoke API (POST /2015-03-31/functions/NAME/invocations) und SQS für die Queues, die der Arbeitsbereich nennt (Queue-Trigger bekommen ihre Nachrichten in Batches; asynchrone Aufrufe gehen an ihre Destinations), sodass die AWS CLI und die SDKs mit --endpoint-url funktionieren. Die erste ausgegebene Zeile ist „listening on http://HOST:PORT“. Die Datenbanken des Arbeitsbereichs („resources“) starten zuerst, je eine Zeile auf stderr, und ihre Verbindungen erreichen die Funktionen als NAME_URL- und PG*-Variablen. Strg+C hält jede Instanz und Datenbank an.</translation>
    </message>
    <message>
        <source>Address to bind (default 127.0.0.1).</source>
        <translation>Adresse, an die gebunden wird (Standard 127.0.0.1).</translation>
    </message>
    <message>
        <source>Port (default 3000; 0 picks a free one).</source>
        <translation>Port (Standard 3000; 0 wählt einen freien).</translation>
    </message>
    <message>
        <source>Require this value in the x-api-key header.</source>
        <translation>Diesen Wert im Header x-api-key verlangen.</translation>
    </message>
    <message>
        <source>Serve what `swb deploy --provider local --target NAME` staged (a frozen copy in .swb/stages/NAME) instead of the workspace&apos;s own code.</source>
        <translation>Ausliefern, was `swb deploy --provider local --target NAME` auf der Stage NAME bereitgestellt hat (eine eingefrorene Kopie in .swb/stages/NAME), statt des eigenen Codes des Arbeitsbereichs.</translation>
    </message>
    <message>
        <source>Milliseconds before each retry of a failed async (Event) invocation, comma-separated (default Lambda&apos;s 60000,120000; &quot;none&quot; for no retries).</source>
        <translation>Millisekunden vor jeder Wiederholung eines fehlgeschlagenen asynchronen (Event-)Aufrufs, durch Kommas getrennt (Standard wie Lambda 60000,120000; „none“ für keine Wiederholungen).</translation>
    </message>
    <message>
        <source>serve takes no arguments; use --workspace DIR.</source>
        <translation>serve nimmt keine Argumente; verwenden Sie --workspace DIR.</translation>
    </message>
    <message>
        <source>--port needs a number from 0 to 65535.</source>
        <translation>--port braucht eine Zahl von 0 bis 65535.</translation>
    </message>
    <message>
        <source>--keep-alive needs a number of seconds, 0 or more.</source>
        <translation>--keep-alive braucht eine Anzahl Sekunden, 0 oder mehr.</translation>
    </message>
    <message>
        <source>--async-retry-delays needs milliseconds such as 60000,120000 (or none).</source>
        <translation>--async-retry-delays braucht Millisekunden wie 60000,120000 (oder none).</translation>
    </message>
    <message>
        <source>--host needs an IP address such as 127.0.0.1.</source>
        <translation>--host braucht eine IP-Adresse wie 127.0.0.1.</translation>
    </message>
    <message>
        <source>swb: warning: serving on %1 makes your functions reachable from other machines.</source>
        <translation>swb: Warnung: Über %1 sind Ihre Funktionen von anderen Rechnern aus erreichbar.</translation>
    </message>
    <message>
        <source>swb: warning: serving on %1 makes your functions reachable from other machines; consider --api-key.</source>
        <translation>swb: Warnung: Über %1 sind Ihre Funktionen von anderen Rechnern aus erreichbar; erwägen Sie --api-key.</translation>
    </message>
    <message>
        <source>Nothing is staged in &quot;%1&quot; (%2 has no workbench.json); stage a function first: swb deploy FUNCTION --provider local --target %1.</source>
        <translation>Auf der Stage „%1“ ist nichts bereitgestellt (%2 hat keine workbench.json); stellen Sie zuerst eine Funktion dort bereit: swb deploy FUNCTION --provider local --target %1.</translation>
    </message>
    <message>
        <source>schedule %1 fired %2 (RequestId: %3)
</source>
        <translation>Zeitplan %1 hat %2 ausgelöst (RequestId: %3)
</translation>
    </message>
    <message>
        <source>  schedule %1</source>
        <translation>  Zeitplan %1</translation>
    </message>
    <message>
        <source>  POST / (SQS API: AWS JSON 1.0 and query protocols)</source>
        <translation>  POST / (SQS API: AWS-JSON-1.0- und Query-Protokoll)</translation>
    </message>
    <message>
        <source>  queue %1</source>
        <translation>  Queue %1</translation>
    </message>
    <message>
        <source>queue %1 -&gt; %2: batch of %3, throttled; retried later (RequestId: %4)</source>
        <translation>Queue %1 -&gt; %2: Batch von %3, gedrosselt; wird später wiederholt (RequestId: %4)</translation>
    </message>
    <message>
        <source>queue %1 -&gt; %2: batch of %3, %4 failed; redelivered after the visibility timeout (RequestId: %5)</source>
        <translation>Queue %1 -&gt; %2: Batch von %3, %4 fehlgeschlagen; nach dem Sichtbarkeits-Timeout erneut zugestellt (RequestId: %5)</translation>
    </message>
    <message>
        <source>queue %1 -&gt; %2: batch of %3 (RequestId: %4)</source>
        <translation>Queue %1 -&gt; %2: Batch von %3 (RequestId: %4)</translation>
    </message>
    <message>
        <source>queue %1: message %2 moved to dead-letter queue %3 after %4 receives</source>
        <translation>Queue %1: Nachricht %2 nach %4 Empfängen in die Dead-Letter-Queue %3 verschoben</translation>
    </message>
    <message>
        <source>swb: warning: destination %1</source>
        <translation>swb: Warnung: Destination %1</translation>
    </message>
    <message>
        <source>  POST /2015-03-31/functions/{%1}/invocations (Lambda Invoke API)
</source>
        <translation>  POST /2015-03-31/functions/{%1}/invocations (Lambda Invoke API)
</translation>
    </message>
    <message>
        <source>swb: stopped (%1); every instance and database was shut down.</source>
        <translation>swb: angehalten (%1); jede Instanz und Datenbank wurde heruntergefahren.</translation>
    </message>
    <message>
        <source>swb: stopped (%1); every instance was shut down.</source>
        <translation>swb: angehalten (%1); jede Instanz wurde heruntergefahren.</translation>
    </message>
    <message>
        <source>Created the workspace&apos;s token signing key in %1 (private; keep the .swb folder out of version control).</source>
        <translation>Der Signaturschlüssel für die Tokens des Arbeitsbereichs wurde in %1 erstellt (privat; halten Sie den Ordner .swb aus der Versionsverwaltung heraus).</translation>
    </message>
    <message>
        <source>token issue needs --user NAME (the token&apos;s subject).</source>
        <translation>token issue braucht --user NAME (das Subject des Tokens).</translation>
    </message>
    <message>
        <source>--claim needs NAME=VALUE, not &quot;%1&quot;.</source>
        <translation>--claim braucht NAME=VALUE, nicht „%1“.</translation>
    </message>
    <message>
        <source>--claim %1 is given twice.</source>
        <translation>--claim %1 ist doppelt angegeben.</translation>
    </message>
    <message>
        <source>token verify needs a TOKEN (or - to read it from stdin).</source>
        <translation>token verify braucht ein TOKEN (oder -, um es von stdin zu lesen).</translation>
    </message>
    <message>
        <source>token verify takes one TOKEN.</source>
        <translation>token verify nimmt ein TOKEN.</translation>
    </message>
    <message>
        <source>The token was refused (%1): %2</source>
        <translation>Das Token wurde abgelehnt (%1): %2</translation>
    </message>
    <message>
        <source>The workspace&apos;s token service: RS256 JWTs signed with a key pair kept in .swb/tokens/ (made on first use; the private key is never printed).
  issue --user NAME [--scope S ...] [--claim NAME=VALUE ...] [--ttl 1h]
                 prints a signed token (iss, sub, aud, iat, nbf, exp, jti, scope)
  jwks           prints the public keys (what swb serve publishes at /.well-known/jwks.json)
  verify TOKEN   checks a token (- or nothing: read from stdin) against the workspace&apos;s keys, issuer and audience; prints its header, claims and scopes, or why it was refused (exit 1)
Issuer, audience and the default lifetime come from workbench.json&apos;s &quot;tokenService&quot; (see docs/auth.md).</source>
        <translation>Der Token-Dienst des Arbeitsbereichs: RS256-JWTs, signiert mit einem Schlüsselpaar in .swb/tokens/ (bei der ersten Verwendung erzeugt; der private Schlüssel wird nie ausgegeben).
  issue --user NAME [--scope S ...] [--claim NAME=VALUE ...] [--ttl 1h]
                 gibt ein signiertes Token aus (iss, sub, aud, iat, nbf, exp, jti, scope)
  jwks           gibt die öffentlichen Schlüssel aus (was swb serve unter /.well-known/jwks.json veröffentlicht)
  verify TOKEN   prüft ein Token (- oder nichts: von stdin lesen) gegen Schlüssel, Aussteller und Zielgruppe des Arbeitsbereichs; gibt Header, Claims und Scopes aus oder warum es abgelehnt wurde (Exit-Code 1)
Aussteller, Zielgruppe und die Standard-Lebensdauer kommen aus „tokenService“ in workbench.json (siehe docs/auth.md).</translation>
    </message>
    <message>
        <source>issue, jwks or verify</source>
        <translation>issue, jwks oder verify</translation>
    </message>
    <message>
        <source>For issue: the subject (&quot;sub&quot;).</source>
        <translation>Für issue: das Subject („sub“).</translation>
    </message>
    <message>
        <source>For issue: a scope; repeat for more.</source>
        <translation>Für issue: ein Scope; für mehrere wiederholen.</translation>
    </message>
    <message>
        <source>For issue: an extra claim; VALUE is JSON when it parses (42, true, [&quot;a&quot;]), else text. Repeat for more.</source>
        <translation>Für issue: ein zusätzlicher Claim; VALUE ist JSON, wenn es sich als JSON lesen lässt (42, true, [&quot;a&quot;]), sonst Text. Für mehrere wiederholen.</translation>
    </message>
    <message>
        <source>For issue: the lifetime, such as 30s, 15m, 1h or 7d (default: the workspace&apos;s, else 1h).</source>
        <translation>Für issue: die Lebensdauer, etwa 30s, 15m, 1h oder 7d (Standard: die des Arbeitsbereichs, sonst 1h).</translation>
    </message>
    <message>
        <source>token issue takes no arguments, only options.</source>
        <translation>token issue nimmt keine Argumente, nur Optionen.</translation>
    </message>
    <message>
        <source>token jwks takes no arguments.</source>
        <translation>token jwks nimmt keine Argumente.</translation>
    </message>
    <message>
        <source>token needs an action: issue, jwks or verify.</source>
        <translation>token braucht eine Aktion: issue, jwks oder verify.</translation>
    </message>
</context>
<context>
    <name>swb::CodeEditor</name>
    <message>
        <source>Code editor</source>
        <translation>Code-Editor</translation>
    </message>
    <message>
        <source>Plain text</source>
        <translation>Reiner Text</translation>
    </message>
    <message>
        <source>%1 looks like a binary file (it contains NUL bytes); it cannot be edited as text.</source>
        <translation>%1 scheint eine Binärdatei zu sein (sie enthält NUL-Bytes); sie kann nicht als Text bearbeitet werden.</translation>
    </message>
    <message>
        <source>This buffer has no file name; save it as.</source>
        <translation>Dieser Puffer hat keinen Dateinamen; speichern Sie ihn unter einem Namen.</translation>
    </message>
    <message>
        <source>%1 cannot be written: %2.</source>
        <translation>%1 kann nicht geschrieben werden: %2.</translation>
    </message>
    <message>
        <source>%1 cannot be written: %2; the file on disk is unchanged.</source>
        <translation>%1 kann nicht geschrieben werden: %2; die Datei auf der Festplatte ist unverändert.</translation>
    </message>
</context>
<context>
    <name>swb::CommitDialog</name>
    <message>
        <source>new</source>
        <translation>neu</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>gelöscht</translation>
    </message>
    <message>
        <source>renamed</source>
        <translation>umbenannt</translation>
    </message>
    <message>
        <source>modified</source>
        <translation>geändert</translation>
    </message>
    <message>
        <source>&amp;Commit</source>
        <translation>&amp;Committen</translation>
    </message>
    <message>
        <source>Commit</source>
        <translation>Commit</translation>
    </message>
    <message>
        <source>Files to commit</source>
        <translation>Zu committende Dateien</translation>
    </message>
    <message>
        <source>Commit message</source>
        <translation>Commit-Nachricht</translation>
    </message>
    <message>
        <source>What changed, and why</source>
        <translation>Was sich geändert hat, und warum</translation>
    </message>
    <message>
        <source>Author name</source>
        <translation>Name des Autors</translation>
    </message>
    <message>
        <source>Author email</source>
        <translation>E-Mail des Autors</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Author:</source>
        <translation>Autor:</translation>
    </message>
    <message>
        <source>Email:</source>
        <translation>E-Mail:</translation>
    </message>
    <message>
        <source>Changed files (the ticked ones are committed):</source>
        <translation>Geänderte Dateien (die angehakten werden committet):</translation>
    </message>
    <message>
        <source>Message:</source>
        <translation>Nachricht:</translation>
    </message>
    <message>
        <source>Nothing to commit: no file changed since the last commit.</source>
        <translation>Nichts zu committen: seit dem letzten Commit hat sich keine Datei geändert.</translation>
    </message>
</context>
<context>
    <name>swb::CostPanel</name>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>Rechenzeit</translation>
    </message>
    <message>
        <source>Cold-start init</source>
        <translation>Kaltstart-Initialisierung</translation>
    </message>
    <message>
        <source>Free tier credit</source>
        <translation>Free-Tier-Gutschrift</translation>
    </message>
    <message>
        <source>Provisioned</source>
        <translation>Bereitgestellt</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>Speicherplatz</translation>
    </message>
    <message>
        <source>API Gateway</source>
        <translation>API Gateway</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>&amp;Add scenario</source>
        <translation>Szenario &amp;hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Duplicate</source>
        <translation>&amp;Duplizieren</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Add scenario</source>
        <translation>Szenario hinzufügen</translation>
    </message>
    <message>
        <source>Add a scenario priced on AWS; edit its cells to shape it.</source>
        <translation>Ein auf AWS bepreistes Szenario hinzufügen; bearbeiten Sie seine Zellen, um es anzupassen.</translation>
    </message>
    <message>
        <source>Duplicate scenario</source>
        <translation>Szenario duplizieren</translation>
    </message>
    <message>
        <source>Copy the selected scenario to compare a variation of it.</source>
        <translation>Das ausgewählte Szenario kopieren, um eine Variante davon zu vergleichen.</translation>
    </message>
    <message>
        <source>Remove scenario</source>
        <translation>Szenario entfernen</translation>
    </message>
    <message>
        <source>Remove the selected scenario.</source>
        <translation>Das ausgewählte Szenario entfernen.</translation>
    </message>
    <message>
        <source>Cost status</source>
        <translation>Kostenstatus</translation>
    </message>
    <message>
        <source>Scenarios</source>
        <translation>Szenarien</translation>
    </message>
    <message>
        <source>One row per scenario; edit a cell and every total and chart is recomputed.</source>
        <translation>Eine Zeile pro Szenario; bearbeiten Sie eine Zelle, und alle Summen und Diagramme werden neu berechnet.</translation>
    </message>
    <message>
        <source>Breakdown chart</source>
        <translation>Aufschlüsselungsdiagramm</translation>
    </message>
    <message>
        <source>A stacked bar per scenario: requests, compute, init, free tier credit and the other lines of its monthly bill.</source>
        <translation>Ein gestapelter Balken pro Szenario: Anfragen, Rechenzeit, Initialisierung, Free-Tier-Gutschrift und die übrigen Posten seiner Monatsrechnung.</translation>
    </message>
    <message>
        <source>Breakdown table</source>
        <translation>Aufschlüsselungstabelle</translation>
    </message>
    <message>
        <source>The breakdown chart&apos;s numbers: one column per scenario, one row per line kind.</source>
        <translation>Die Zahlen des Aufschlüsselungsdiagramms: eine Spalte pro Szenario, eine Zeile pro Posten.</translation>
    </message>
    <message>
        <source>Cost against volume chart</source>
        <translation>Diagramm Kosten nach Volumen</translation>
    </message>
    <message>
        <source>The selected scenario&apos;s monthly cost against invocations per month, with the always-on servers&apos; monthly cost and the break-even volume.</source>
        <translation>Die monatlichen Kosten des ausgewählten Szenarios nach Aufrufen pro Monat, mit den monatlichen Kosten der ständig laufenden Server und dem Break-even-Volumen.</translation>
    </message>
    <message>
        <source>Always-on server</source>
        <translation>Ständig laufender Server</translation>
    </message>
    <message>
        <source>The server the break-even compares with.</source>
        <translation>Der Server, mit dem der Break-even vergleicht.</translation>
    </message>
    <message>
        <source>Number of servers</source>
        <translation>Anzahl der Server</translation>
    </message>
    <message>
        <source>How many always-on servers the function replaces.</source>
        <translation>Wie viele ständig laufende Server die Funktion ersetzt.</translation>
    </message>
    <message>
        <source>× </source>
        <translation>× </translation>
    </message>
    <message>
        <source>Break-even</source>
        <translation>Break-even</translation>
    </message>
    <message>
        <source>Memory sweep chart</source>
        <translation>Diagramm Arbeitsspeicher-Vergleich</translation>
    </message>
    <message>
        <source>The selected scenario&apos;s monthly cost and duration at each memory size, the cheapest marked.</source>
        <translation>Die monatlichen Kosten und die Dauer des ausgewählten Szenarios bei jeder Arbeitsspeichergröße; die günstigste ist markiert.</translation>
    </message>
    <message>
        <source>CPU-bound share</source>
        <translation>CPU-gebundener Anteil</translation>
    </message>
    <message>
        <source>The share of the duration that speeds up with more CPU (the rest waits on I/O).</source>
        <translation>Der Anteil der Dauer, der mit mehr CPU schneller wird (der Rest wartet auf E/A).</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>Threads</translation>
    </message>
    <message>
        <source>The CPUs the code keeps busy: single-threaded code gains nothing beyond one vCPU.</source>
        <translation>Die CPUs, die der Code auslastet: Single-Thread-Code gewinnt nichts über eine vCPU hinaus.</translation>
    </message>
    <message>
        <source>Memory sweep notes</source>
        <translation>Hinweise zum Arbeitsspeicher-Vergleich</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>&amp;CPU-bound share:</source>
        <translation>&amp;CPU-gebundener Anteil:</translation>
    </message>
    <message>
        <source>&amp;Threads:</source>
        <translation>&amp;Threads:</translation>
    </message>
    <message>
        <source>The price list could not be loaded, so nothing is priced: %1</source>
        <translation>Die Preisliste konnte nicht geladen werden, daher wird nichts bepreist: %1</translation>
    </message>
    <message>
        <source>Same cloud, smallest</source>
        <translation>Gleiche Cloud, kleinster</translation>
    </message>
    <message>
        <source>Monthly bill by scenario</source>
        <translation>Monatsrechnung nach Szenario</translation>
    </message>
    <message>
        <source>%1 (error)</source>
        <translation>%1 (Fehler)</translation>
    </message>
    <message>
        <source>USD per month</source>
        <translation>USD/Monat</translation>
    </message>
    <message>
        <source>Total / month</source>
        <translation>Summe / Monat</translation>
    </message>
    <message>
        <source>Per million</source>
        <translation>Pro Million</translation>
    </message>
    <message>
        <source>Cost against volume</source>
        <translation>Kosten nach Volumen</translation>
    </message>
    <message>
        <source>The selected scenario has no price: %1</source>
        <translation>Das ausgewählte Szenario hat keinen Preis: %1</translation>
    </message>
    <message>
        <source>Select a priced scenario.</source>
        <translation>Wählen Sie ein bepreistes Szenario.</translation>
    </message>
    <message>
        <source>%1: cost against invocations per month</source>
        <translation>%1: Kosten nach Aufrufen pro Monat</translation>
    </message>
    <message>
        <source>Function (%1)</source>
        <translation>Funktion (%1)</translation>
    </message>
    <message>
        <source>%1 always on</source>
        <translation>%1 ständig laufend</translation>
    </message>
    <message>
        <source>%1 × %2 always on</source>
        <translation>%1 × %2 ständig laufend</translation>
    </message>
    <message>
        <source>break-even</source>
        <translation>Break-even</translation>
    </message>
    <message>
        <source>Break-even: %1 invocations a month (%2 a second) cost what %3 costs: %4 a month.</source>
        <translation>Break-even: %1 Aufrufe im Monat (%2 pro Sekunde) kosten so viel wie %3: %4 im Monat.</translation>
    </message>
    <message>
        <source>The function stays cheaper than %1 (%2 a month) up to %3 invocations a month.</source>
        <translation>Die Funktion bleibt bis zu %3 Aufrufen im Monat günstiger als %1 (%2 im Monat).</translation>
    </message>
    <message>
        <source>No always-on server is priced.</source>
        <translation>Kein ständig laufender Server ist bepreist.</translation>
    </message>
    <message>
        <source>No break-even: %1</source>
        <translation>Kein Break-even: %1</translation>
    </message>
    <message>
        <source>Invocations per month</source>
        <translation>Aufrufe pro Monat</translation>
    </message>
    <message>
        <source>Memory sweep</source>
        <translation>Arbeitsspeicher-Vergleich</translation>
    </message>
    <message>
        <source>%1: cost and duration against memory</source>
        <translation>%1: Kosten und Dauer nach Arbeitsspeicher</translation>
    </message>
    <message>
        <source>No memory size prices for this scenario.</source>
        <translation>Für dieses Szenario ist keine Arbeitsspeichergröße bepreist.</translation>
    </message>
    <message>
        <source>No sweep: %1</source>
        <translation>Kein Arbeitsspeicher-Vergleich: %1</translation>
    </message>
    <message>
        <source>Cost per month</source>
        <translation>Kosten pro Monat</translation>
    </message>
    <message>
        <source>Duration (ms)</source>
        <translation>Dauer (ms)</translation>
    </message>
    <message>
        <source>Cheapest</source>
        <translation>Am günstigsten</translation>
    </message>
    <message>
        <source>cheapest: %1 MB</source>
        <translation>am günstigsten: %1 MB</translation>
    </message>
    <message>
        <source>Memory (MB)</source>
        <translation>Arbeitsspeicher (MB)</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Cheapest: %1 MB at %2 a month (%3 ms).</source>
        <translation>Am günstigsten: %1 MB für %2 im Monat (%3 ms).</translation>
    </message>
</context>
<context>
    <name>swb::CredentialsDialog</name>
    <message>
        <source>Credentials for %1</source>
        <translation>Zugangsdaten für %1</translation>
    </message>
    <message>
        <source>%1 *</source>
        <translation>%1 *</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <source>Choose %1</source>
        <translation>%1 auswählen</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>The local stage needs no credentials.</source>
        <translation>Die lokale Stage braucht keine Zugangsdaten.</translation>
    </message>
</context>
<context>
    <name>swb::DeployPanel</name>
    <message>
        <source>AWS Lambda</source>
        <translation>AWS Lambda</translation>
    </message>
    <message>
        <source>Azure Functions</source>
        <translation>Azure Functions</translation>
    </message>
    <message>
        <source>Google Cloud Functions</source>
        <translation>Google Cloud Functions</translation>
    </message>
    <message>
        <source>Apache OpenWhisk</source>
        <translation>Apache OpenWhisk</translation>
    </message>
    <message>
        <source>local stage</source>
        <translation>lokale Stage</translation>
    </message>
    <message>
        <source>&amp;Deploy</source>
        <translation>&amp;Bereitstellen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Credentials…</source>
        <translation>Zugangsdaten…</translation>
    </message>
    <message>
        <source>Follow its logs after deploying</source>
        <translation>Nach dem Bereitstellen seinen Protokollen folgen</translation>
    </message>
    <message>
        <source>Function to deploy</source>
        <translation>Bereitzustellende Funktion</translation>
    </message>
    <message>
        <source>Deploy target</source>
        <translation>Bereitstellungsziel</translation>
    </message>
    <message>
        <source>Deploy the function</source>
        <translation>Die Funktion bereitstellen</translation>
    </message>
    <message>
        <source>Cancel the deploy</source>
        <translation>Die Bereitstellung abbrechen</translation>
    </message>
    <message>
        <source>Set up the target&apos;s credentials</source>
        <translation>Die Zugangsdaten des Ziels einrichten</translation>
    </message>
    <message>
        <source>How this target reaches its platform: keys, host, region. Secrets go to your keychain, never to workbench.json.</source>
        <translation>Wie dieses Ziel seine Plattform erreicht: Schlüssel, Host, Region. Geheimnisse kommen in Ihren Schlüsselbund, nie in workbench.json.</translation>
    </message>
    <message>
        <source>Deploy steps</source>
        <translation>Bereitstellungsschritte</translation>
    </message>
    <message>
        <source>Deploy result</source>
        <translation>Bereitstellungsergebnis</translation>
    </message>
    <message>
        <source>Deploy history</source>
        <translation>Bereitstellungsverlauf</translation>
    </message>
    <message>
        <source>Uncommitted changes</source>
        <translation>Nicht committete Änderungen</translation>
    </message>
    <message>
        <source>Package the function&apos;s folder</source>
        <translation>Den Ordner der Funktion packen</translation>
    </message>
    <message>
        <source>Upload the package</source>
        <translation>Das Paket hochladen</translation>
    </message>
    <message>
        <source>Update the function&apos;s configuration</source>
        <translation>Die Konfiguration der Funktion aktualisieren</translation>
    </message>
    <message>
        <source>Wait until it is ready</source>
        <translation>Warten, bis sie bereit ist</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Wohin</translation>
    </message>
    <message>
        <source>Commit</source>
        <translation>Commit</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>&amp;Function:</source>
        <translation>&amp;Funktion:</translation>
    </message>
    <message>
        <source>&amp;Target:</source>
        <translation>&amp;Ziel:</translation>
    </message>
    <message>
        <source>Deploy history of this function:</source>
        <translation>Bereitstellungsverlauf dieser Funktion:</translation>
    </message>
    <message>
        <source>Deploy the function to a platform, or to a local stage that swb serve --stage serves.</source>
        <translation>Die Funktion auf einer Plattform bereitstellen oder auf einer lokalen Stage, die swb serve --stage ausliefert.</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot;</source>
        <translation>%1 „%2“</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Deploying to %1 is not built yet.</source>
        <translation>Das Bereitstellen auf %1 ist noch nicht eingebaut.</translation>
    </message>
    <message>
        <source>Uncommitted changes (%1): the deploy will be marked dirty in its record.</source>
        <translation>Nicht committete Änderungen (%1): das Deployment wird in seinem Eintrag als „dirty“ markiert.</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>wartet</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>done</source>
        <translation>fertig</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>not needed</source>
        <translation>nicht nötig</translation>
    </message>
    <message>
        <source>No platform can be reached from here (no provider factory).</source>
        <translation>Von hier aus ist keine Plattform erreichbar (keine Provider-Factory).</translation>
    </message>
    <message>
        <source>Deploying %1 to %2…</source>
        <translation>%1 wird auf %2 bereitgestellt…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>Deployed %1 to %2: version %3%4.</source>
        <translation>%1 auf %2 bereitgestellt: Version %3%4.</translation>
    </message>
    <message>
        <source> (code unchanged, upload skipped)</source>
        <translation> (Code unverändert, Hochladen übersprungen)</translation>
    </message>
    <message>
        <source>URL: %1</source>
        <translation>URL: %1</translation>
    </message>
    <message>
        <source>Id: %1</source>
        <translation>Id: %1</translation>
    </message>
    <message>
        <source>Commit: none (%1).</source>
        <translation>Commit: keiner (%1).</translation>
    </message>
    <message>
        <source>Commit: %1%2.</source>
        <translation>Commit: %1%2.</translation>
    </message>
    <message>
        <source> + uncommitted changes (marked dirty)</source>
        <translation> + nicht committete Änderungen (als „dirty“ markiert)</translation>
    </message>
    <message>
        <source>Not recorded: %1</source>
        <translation>Nicht aufgezeichnet: %1</translation>
    </message>
    <message>
        <source>Cancelled: %1</source>
        <translation>Abgebrochen: %1</translation>
    </message>
    <message>
        <source>The deploy failed: %1</source>
        <translation>Die Bereitstellung ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source> (dirty)</source>
        <translation> (dirty)</translation>
    </message>
    <message>
        <source>Rolling %1 on %2 back to %3…</source>
        <translation>%1 auf %2 wird auf %3 zurückgesetzt…</translation>
    </message>
    <message>
        <source>What Is Deployed</source>
        <translation>Was ist bereitgestellt</translation>
    </message>
    <message>
        <source>Compare what is deployed with your files</source>
        <translation>Bereitgestellten Stand mit Ihren Dateien vergleichen</translation>
    </message>
    <message>
        <source>Shows how your files differ from the commit last deployed to this target&apos;s platform.</source>
        <translation>Zeigt, wie sich Ihre Dateien vom Commit unterscheiden, der zuletzt auf die Plattform dieses Ziels bereitgestellt wurde.</translation>
    </message>
    <message>
        <source>Nothing deployed to this target&apos;s platform from a commit yet.</source>
        <translation>Auf die Plattform dieses Ziels wurde noch nichts aus einem Commit bereitgestellt.</translation>
    </message>
    <message>
        <source>Shows how your files differ from commit %1, last deployed to this target&apos;s platform.</source>
        <translation>Zeigt, wie sich Ihre Dateien von Commit %1 unterscheiden, der zuletzt auf die Plattform dieses Ziels bereitgestellt wurde.</translation>
    </message>
    <message>
        <source>Uncommitted Changes</source>
        <translation>Nicht committete Änderungen</translation>
    </message>
    <message>
        <source>The workspace has uncommitted changes (%1). Commit them first, so the deploy is tied to a commit and tagged, or deploy them marked dirty?</source>
        <translation>Der Arbeitsbereich hat nicht committete Änderungen (%1). Zuerst committen, damit die Bereitstellung an einen Commit gebunden und getaggt wird, oder als „dirty“ markiert bereitstellen?</translation>
    </message>
    <message>
        <source>&amp;Commit First…</source>
        <translation>Zuerst &amp;committen…</translation>
    </message>
    <message>
        <source>Deploy &amp;Dirty</source>
        <translation>Als „&amp;dirty“ bereitstellen</translation>
    </message>
    <message>
        <source>Deploy cancelled: commit or deploy the changes marked dirty.</source>
        <translation>Bereitstellung abgebrochen: Änderungen committen oder als „dirty“ markiert bereitstellen.</translation>
    </message>
    <message>
        <source>Deploy cancelled: nothing was committed.</source>
        <translation>Bereitstellung abgebrochen: Es wurde nichts committet.</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) changed since the last commit</source>
        <translation>
            <numerusform>%n Datei seit dem letzten Commit geändert</numerusform>
            <numerusform>%n Dateien seit dem letzten Commit geändert</numerusform>
        </translation>
    </message>
    <message>
        <source>Deploy cancelled: %1</source>
        <translation>Bereitstellung abgebrochen: %1</translation>
    </message>
</context>
<context>
    <name>swb::DiffDialog</name>
    <message>
        <source>Compare with Commit</source>
        <translation>Mit Commit vergleichen</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Compare with</source>
        <translation>Vergleichen mit</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Datei:</translation>
    </message>
    <message>
        <source>Compare &amp;with:</source>
        <translation>Vergleichen &amp;mit:</translation>
    </message>
    <message>
        <source>HEAD (%1)</source>
        <translation>HEAD (%1)</translation>
    </message>
    <message>
        <source>HEAD (no commit yet)</source>
        <translation>HEAD (noch kein Commit)</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 in %2</translation>
    </message>
    <message>
        <source>%1 (not in %2)</source>
        <translation>%1 (nicht in %2)</translation>
    </message>
    <message>
        <source>working copy</source>
        <translation>Arbeitskopie</translation>
    </message>
</context>
<context>
    <name>swb::DiffView</name>
    <message>
        <source>Unified diff</source>
        <translation>Vereinheitlichter Diff</translation>
    </message>
    <message>
        <source>Old version</source>
        <translation>Alte Version</translation>
    </message>
    <message>
        <source>New version</source>
        <translation>Neue Version</translation>
    </message>
    <message>
        <source>&amp;Unified</source>
        <translation>&amp;Vereinheitlicht</translation>
    </message>
    <message>
        <source>&amp;Side by Side</source>
        <translation>&amp;Nebeneinander</translation>
    </message>
    <message>
        <source>Previous Change</source>
        <translation>Vorherige Änderung</translation>
    </message>
    <message>
        <source>Previous change (Shift+F7)</source>
        <translation>Vorherige Änderung (Umschalt+F7)</translation>
    </message>
    <message>
        <source>Next Change</source>
        <translation>Nächste Änderung</translation>
    </message>
    <message>
        <source>Next change (F7)</source>
        <translation>Nächste Änderung (F7)</translation>
    </message>
    <message>
        <source>No differences</source>
        <translation>Keine Unterschiede</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s): +%1 −%2</source>
        <translation>
            <numerusform>%n Änderung: +%1 −%2</numerusform>
            <numerusform>%n Änderungen: +%1 −%2</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>Binary file: the versions differ but cannot be shown as text.</source>
        <translation>Binärdatei: Die Versionen unterscheiden sich, können aber nicht als Text angezeigt werden.</translation>
    </message>
    <message>
        <source>Binary</source>
        <translation>Binär</translation>
    </message>
</context>
<context>
    <name>swb::EditorTabs</name>
    <message>
        <source>File notice</source>
        <translation>Dateihinweis</translation>
    </message>
    <message>
        <source>File notice text</source>
        <translation>Text des Dateihinweises</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Neu laden</translation>
    </message>
    <message>
        <source>Reload from disk</source>
        <translation>Von der Festplatte neu laden</translation>
    </message>
    <message>
        <source>Replace the buffer with the file on disk</source>
        <translation>Den Puffer durch die Datei auf der Festplatte ersetzen</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>Meine behalten</translation>
    </message>
    <message>
        <source>Keep my changes</source>
        <translation>Meine Änderungen behalten</translation>
    </message>
    <message>
        <source>Keep the buffer; saving overwrites the file</source>
        <translation>Den Puffer behalten; Speichern überschreibt die Datei</translation>
    </message>
    <message>
        <source>Dismiss notice</source>
        <translation>Hinweis schließen</translation>
    </message>
    <message>
        <source>Editor</source>
        <translation>Editor</translation>
    </message>
    <message>
        <source>Open files</source>
        <translation>Offene Dateien</translation>
    </message>
    <message>
        <source>Open file tabs</source>
        <translation>Reiter der offenen Dateien</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Suchen…</translation>
    </message>
    <message>
        <source>Ctrl+F</source>
        <translation>Ctrl+F</translation>
    </message>
    <message>
        <source>&amp;Replace…</source>
        <translation>&amp;Ersetzen…</translation>
    </message>
    <message>
        <source>Ctrl+H</source>
        <translation>Ctrl+H</translation>
    </message>
    <message>
        <source>&amp;Go to Line…</source>
        <translation>&amp;Gehe zu Zeile…</translation>
    </message>
    <message>
        <source>Ctrl+G</source>
        <translation>Ctrl+G</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Ctrl+S</source>
        <translation>Ctrl+S</translation>
    </message>
    <message>
        <source>Save A&amp;ll</source>
        <translation>&amp;Alle speichern</translation>
    </message>
    <message>
        <source>Ctrl+Shift+S</source>
        <translation>Ctrl+Shift+S</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>Sc&amp;hließen</translation>
    </message>
    <message>
        <source>Ctrl+W</source>
        <translation>Ctrl+W</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>&amp;Weitersuchen</translation>
    </message>
    <message>
        <source>F3</source>
        <translation>F3</translation>
    </message>
    <message>
        <source>Find &amp;Previous</source>
        <translation>&amp;Rückwärts suchen</translation>
    </message>
    <message>
        <source>Shift+F3</source>
        <translation>Shift+F3</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>Save the changes to %1 before closing?</source>
        <translation>Die Änderungen an %1 vor dem Schließen speichern?</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 (deleted)</source>
        <translation>%1 (gelöscht)</translation>
    </message>
    <message>
        <source>There is no file to save.</source>
        <translation>Es gibt keine Datei zum Speichern.</translation>
    </message>
    <message>
        <source>%1 was deleted on disk. The buffer is kept; saving writes it again.</source>
        <translation>%1 wurde auf der Festplatte gelöscht. Der Puffer bleibt erhalten; Speichern schreibt die Datei erneut.</translation>
    </message>
    <message>
        <source>%1 changed on disk, and this buffer has unsaved changes.</source>
        <translation>%1 wurde auf der Festplatte geändert, und dieser Puffer hat ungespeicherte Änderungen.</translation>
    </message>
    <message>
        <source>%1 no longer exists on disk; this buffer was recovered. Save it to write the file again.</source>
        <translation>%1 existiert auf der Festplatte nicht mehr; dieser Puffer wurde wiederhergestellt. Speichern Sie ihn, um die Datei erneut zu schreiben.</translation>
    </message>
</context>
<context>
    <name>swb::EventEditor</name>
    <message>
        <source>Event payload</source>
        <translation>Ereignis-Nutzlast</translation>
    </message>
    <message>
        <source>Event payload JSON</source>
        <translation>Ereignis-Nutzlast (JSON)</translation>
    </message>
    <message>
        <source>Payload validation</source>
        <translation>Prüfung der Nutzlast</translation>
    </message>
    <message>
        <source>The payload is empty; enter a JSON value such as {}.</source>
        <translation>Die Nutzlast ist leer; geben Sie einen JSON-Wert wie {} ein.</translation>
    </message>
    <message>
        <source>more than one value</source>
        <translation>mehr als ein Wert</translation>
    </message>
    <message>
        <source>Line %1, column %2: %3</source>
        <translation>Zeile %1, Spalte %2: %3</translation>
    </message>
    <message>
        <source>Valid JSON</source>
        <translation>Gültiges JSON</translation>
    </message>
</context>
<context>
    <name>swb::FindBar</name>
    <message>
        <source>Find and replace</source>
        <translation>Suchen und ersetzen</translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>Suchen:</translation>
    </message>
    <message>
        <source>Find text</source>
        <translation>Suchtext</translation>
    </message>
    <message>
        <source>Text or regular expression</source>
        <translation>Text oder regulärer Ausdruck</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Find previous</source>
        <translation>Rückwärts suchen</translation>
    </message>
    <message>
        <source>Find the previous match (Shift+F3)</source>
        <translation>Den vorherigen Treffer suchen (Shift+F3)</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>Find next</source>
        <translation>Weitersuchen</translation>
    </message>
    <message>
        <source>Find the next match (F3, Enter)</source>
        <translation>Den nächsten Treffer suchen (F3, Eingabe)</translation>
    </message>
    <message>
        <source>Regex</source>
        <translation>Regex</translation>
    </message>
    <message>
        <source>Regular expression</source>
        <translation>Regulärer Ausdruck</translation>
    </message>
    <message>
        <source>Treat the text as an ECMAScript regular expression; use \1 in the replacement for a captured group</source>
        <translation>Den Text als regulären ECMAScript-Ausdruck behandeln; \1 in der Ersetzung steht für eine erfasste Gruppe</translation>
    </message>
    <message>
        <source>Match case</source>
        <translation>Groß-/Kleinschreibung</translation>
    </message>
    <message>
        <source>Whole word</source>
        <translation>Ganzes Wort</translation>
    </message>
    <message>
        <source>Close find bar</source>
        <translation>Suchleiste schließen</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Schließen (Esc)</translation>
    </message>
    <message>
        <source>Replace:</source>
        <translation>Ersetzen:</translation>
    </message>
    <message>
        <source>Replacement text</source>
        <translation>Ersetzungstext</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Ersetzen</translation>
    </message>
    <message>
        <source>Replace all</source>
        <translation>Alle ersetzen</translation>
    </message>
    <message>
        <source>Find status</source>
        <translation>Suchstatus</translation>
    </message>
    <message>
        <source>Invalid regular expression: %1</source>
        <translation>Ungültiger regulärer Ausdruck: %1</translation>
    </message>
    <message>
        <source>No match</source>
        <translation>Kein Treffer</translation>
    </message>
    <message>
        <source>No more matches</source>
        <translation>Keine weiteren Treffer</translation>
    </message>
    <message numerus="yes">
        <source>%n replaced</source>
        <translation>
            <numerusform>%n ersetzt</numerusform>
            <numerusform>%n ersetzt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>swb::GatewayPanel</name>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <source>Copy URL</source>
        <translation>URL kopieren</translation>
    </message>
    <message>
        <source>any free port</source>
        <translation>beliebiger freier Port</translation>
    </message>
    <message>
        <source>Gateway port</source>
        <translation>Gateway-Port</translation>
    </message>
    <message>
        <source>The port on 127.0.0.1 (0: any free one). swb serve uses 3000 too: stop one of them or pick another port.</source>
        <translation>Der Port auf 127.0.0.1 (0: ein beliebiger freier). swb serve verwendet auch 3000: halten Sie eines von beiden an oder wählen Sie einen anderen Port.</translation>
    </message>
    <message>
        <source>Start or stop the gateway</source>
        <translation>Gateway starten oder anhalten</translation>
    </message>
    <message>
        <source>Gateway address</source>
        <translation>Adresse des Gateways</translation>
    </message>
    <message>
        <source>Copy the gateway&apos;s address</source>
        <translation>Adresse des Gateways kopieren</translation>
    </message>
    <message>
        <source>Gateway problem</source>
        <translation>Problem des Gateways</translation>
    </message>
    <message>
        <source>Routes served</source>
        <translation>Bediente Routen</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>Requests served</source>
        <translation>Bediente Anfragen</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>Routes:</source>
        <translation>Routen:</translation>
    </message>
    <message>
        <source>Requests:</source>
        <translation>Anfragen:</translation>
    </message>
    <message>
        <source>Open a workspace first: the gateway serves its functions.</source>
        <translation>Öffnen Sie zuerst einen Arbeitsbereich: das Gateway liefert seine Funktionen aus.</translation>
    </message>
    <message>
        <source>schedule %1</source>
        <translation>Zeitplan %1</translation>
    </message>
    <message>
        <source>queue %1</source>
        <translation>Queue %1</translation>
    </message>
    <message>
        <source>POST /2015-03-31/functions/{%1}/invocations (Lambda Invoke API)</source>
        <translation>POST /2015-03-31/functions/{%1}/invocations (Lambda Invoke API)</translation>
    </message>
    <message>
        <source>POST / (SQS API)</source>
        <translation>POST / (SQS API)</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Anhalten</translation>
    </message>
    <message>
        <source>Serving on %1</source>
        <translation>Liefert aus auf %1</translation>
    </message>
    <message>
        <source>Not serving.</source>
        <translation>Liefert nichts aus.</translation>
    </message>
    <message>
        <source>No workspace open.</source>
        <translation>Kein Arbeitsbereich geöffnet.</translation>
    </message>
    <message>
        <source>&amp;Token…</source>
        <translation>&amp;Token…</translation>
    </message>
    <message>
        <source>Issue a token</source>
        <translation>Token ausstellen</translation>
    </message>
    <message>
        <source>Issue a token from the workspace&apos;s token service for routes a JWT authorizer guards, and copy it (as swb token issue).</source>
        <translation>Ein Token vom Token-Dienst des Arbeitsbereichs für Routen ausstellen, die ein JWT-Authorizer schützt, und kopieren (wie swb token issue).</translation>
    </message>
    <message>
        <source>Token issued</source>
        <translation>Ausgestelltes Token</translation>
    </message>
    <message>
        <source>Issue a Token</source>
        <translation>Token ausstellen</translation>
    </message>
    <message>
        <source>Token subject</source>
        <translation>Subject des Tokens</translation>
    </message>
    <message>
        <source>Token scopes</source>
        <translation>Scopes des Tokens</translation>
    </message>
    <message>
        <source>orders:read orders:write</source>
        <translation>orders:read orders:write</translation>
    </message>
    <message>
        <source>&amp;User (sub):</source>
        <translation>&amp;Benutzer (sub):</translation>
    </message>
    <message>
        <source>&amp;Scopes:</source>
        <translation>&amp;Scopes:</translation>
    </message>
    <message>
        <source>Open a workspace first: tokens come from its token service.</source>
        <translation>Öffnen Sie zuerst einen Arbeitsbereich: Tokens kommen von seinem Token-Dienst.</translation>
    </message>
    <message>
        <source>A token needs a user (its &quot;sub&quot; claim).</source>
        <translation>Ein Token braucht einen Benutzer (seinen „sub“-Claim).</translation>
    </message>
    <message>
        <source>A token for %1 (%2) is on the clipboard: send it as &quot;Authorization: Bearer TOKEN&quot;.%3</source>
        <translation>Ein Token für %1 (%2) liegt in der Zwischenablage: senden Sie es als „Authorization: Bearer TOKEN“.%3</translation>
    </message>
    <message>
        <source>no scopes</source>
        <translation>keine Scopes</translation>
    </message>
    <message>
        <source> The workspace&apos;s signing key was made in %1 (private: keep the .swb folder out of version control).</source>
        <translation> Der Signaturschlüssel des Arbeitsbereichs wurde in %1 erstellt (privat: halten Sie den Ordner .swb aus der Versionsverwaltung heraus).</translation>
    </message>
</context>
<context>
    <name>swb::GoToLineBar</name>
    <message>
        <source>Go to line</source>
        <translation>Gehe zu Zeile</translation>
    </message>
    <message>
        <source>Go to line:</source>
        <translation>Gehe zu Zeile:</translation>
    </message>
    <message>
        <source>Line number</source>
        <translation>Zeilennummer</translation>
    </message>
    <message>
        <source>Line count</source>
        <translation>Zeilenanzahl</translation>
    </message>
    <message>
        <source>Go</source>
        <translation>Los</translation>
    </message>
    <message>
        <source>Close go to line</source>
        <translation>„Gehe zu Zeile“ schließen</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Schließen (Esc)</translation>
    </message>
    <message>
        <source>of %1</source>
        <translation>von %1</translation>
    </message>
</context>
<context>
    <name>swb::HistoryDialog</name>
    <message>
        <source>&amp;Deploy This Version</source>
        <translation>Diese Version &amp;bereitstellen</translation>
    </message>
    <message>
        <source>History of %1</source>
        <translation>Verlauf von %1</translation>
    </message>
    <message>
        <source>Commits</source>
        <translation>Commits</translation>
    </message>
    <message>
        <source>What the commit changed</source>
        <translation>Was der Commit geändert hat</translation>
    </message>
    <message>
        <source>Deploy the function as it was at this commit</source>
        <translation>Die Funktion so bereitstellen, wie sie bei diesem Commit war</translation>
    </message>
    <message>
        <source>Deploys this commit&apos;s version to the Deploy panel&apos;s target; your files stay as they are.</source>
        <translation>Stellt die Version dieses Commits auf dem Ziel des Bereichs „Bereitstellen“ bereit; Ihre Dateien bleiben unverändert.</translation>
    </message>
    <message>
        <source>No commit has changed this function yet.</source>
        <translation>Noch kein Commit hat diese Funktion geändert.</translation>
    </message>
    <message>
        <source>History of Workspace</source>
        <translation>Verlauf des Arbeitsbereichs</translation>
    </message>
    <message>
        <source>The workspace has no commit yet.</source>
        <translation>Der Arbeitsbereich hat noch keinen Commit.</translation>
    </message>
</context>
<context>
    <name>swb::LogView</name>
    <message>
        <source>Follow</source>
        <translation>Folgen</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>All functions</source>
        <translation>Alle Funktionen</translation>
    </message>
    <message>
        <source>Function filter</source>
        <translation>Funktionsfilter</translation>
    </message>
    <message>
        <source>Filter by text or request id</source>
        <translation>Nach Text oder Request-ID filtern</translation>
    </message>
    <message>
        <source>Log filter</source>
        <translation>Protokollfilter</translation>
    </message>
    <message>
        <source>Keep the newest line in view</source>
        <translation>Die neueste Zeile im Blick behalten</translation>
    </message>
    <message>
        <source>Stop adding lines to the view; they are kept and shown on resume</source>
        <translation>Keine Zeilen mehr in die Ansicht aufnehmen; sie werden aufbewahrt und beim Fortsetzen gezeigt</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>Clear logs</source>
        <translation>Protokolle leeren</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy selected log lines</source>
        <translation>Ausgewählte Protokollzeilen kopieren</translation>
    </message>
    <message>
        <source>Log lines</source>
        <translation>Protokollzeilen</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s)</source>
        <translation>
            <numerusform>%n Zeile</numerusform>
            <numerusform>%n Zeilen</numerusform>
        </translation>
    </message>
    <message>
        <source> shown of %1</source>
        <translation> angezeigt von %1</translation>
    </message>
    <message>
        <source>; %1 older lines dropped (the panel keeps %2)</source>
        <translation>; %1 ältere Zeilen verworfen (der Bereich behält %2)</translation>
    </message>
    <message numerus="yes">
        <source>; paused, %n new line(s) waiting</source>
        <translation>
            <numerusform>; pausiert, %n neue Zeile wartet</numerusform>
            <numerusform>; pausiert, %n neue Zeilen warten</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>swb::MainWindow</name>
    <message>
        <source>Workspace</source>
        <translation>Arbeitsbereich</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Ausführen</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Zeitachse</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>Protokolle</translation>
    </message>
    <message>
        <source>Simulate</source>
        <translation>Simulation</translation>
    </message>
    <message>
        <source>Deploy</source>
        <translation>Bereitstellen</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>Metriken</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Serverless Workbench</source>
        <translation>Serverless Workbench</translation>
    </message>
    <message>
        <source>Runner status</source>
        <translation>Runner-Status</translation>
    </message>
    <message>
        <source>Opened your copy of the example in %1.</source>
        <translation>Ihre Kopie des Beispiels wurde in %1 geöffnet.</translation>
    </message>
    <message>
        <source>Saved the deploy target “%1” in workbench.json; its secrets are in your keychain.</source>
        <translation>Das Bereitstellungsziel „%1“ wurde in workbench.json gespeichert; seine Geheimnisse liegen in Ihrem Schlüsselbund.</translation>
    </message>
    <message>
        <source>Restore unsaved changes</source>
        <translation>Ungespeicherte Änderungen wiederherstellen</translation>
    </message>
    <message numerus="yes">
        <source>The workbench stopped with %n unsaved buffer(s) in this workspace. Restore them? (No discards them.)</source>
        <translation>
            <numerusform>Die Workbench wurde mit %n ungespeicherten Puffer in diesem Arbeitsbereich beendet. Wiederherstellen? (Nein verwirft ihn.)</numerusform>
            <numerusform>Die Workbench wurde mit %n ungespeicherten Puffern in diesem Arbeitsbereich beendet. Wiederherstellen? (Nein verwirft sie.)</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open Workspace…</source>
        <translation>Arbeitsbereich ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Import SAM Template or serverless.yml…</source>
        <translation>SAM-Vorlage oder serverless.yml &amp;importieren…</translation>
    </message>
    <message>
        <source>&amp;Close Workspace</source>
        <translation>Arbeitsbereich s&amp;chließen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Ausführen</translation>
    </message>
    <message>
        <source>&amp;Invoke</source>
        <translation>&amp;Aufrufen</translation>
    </message>
    <message>
        <source>&amp;Retire Instances (next run is cold)</source>
        <translation>Instanzen &amp;beenden (nächster Aufruf startet kalt)</translation>
    </message>
    <message>
        <source>&amp;Deploy</source>
        <translation>&amp;Bereitstellen</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>A&amp;nsicht</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Design</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>&amp;System</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Hell</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Dunkel</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Serverless Workbench</source>
        <translation>Ü&amp;ber Serverless Workbench</translation>
    </message>
    <message>
        <source>About Serverless Workbench</source>
        <translation>Über Serverless Workbench</translation>
    </message>
    <message>
        <source>&lt;b&gt;Serverless Workbench %1&lt;/b&gt;&lt;p&gt;Write, run, see, price and deploy serverless functions. Everything here is also in the &lt;code&gt;swb&lt;/code&gt; command line.&lt;/p&gt;</source>
        <translation>&lt;b&gt;Serverless Workbench %1&lt;/b&gt;&lt;p&gt;Serverlose Funktionen schreiben, ausführen, beobachten, bepreisen und bereitstellen. Alles hier gibt es auch in der Kommandozeile &lt;code&gt;swb&lt;/code&gt;.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>Open a workspace folder (with workbench.json)</source>
        <translation>Einen Arbeitsbereich-Ordner öffnen (mit workbench.json)</translation>
    </message>
    <message>
        <source>The current workspace has unsaved changes you chose to keep; save or discard them first.</source>
        <translation>Der aktuelle Arbeitsbereich hat ungespeicherte Änderungen, die Sie behalten wollten; speichern oder verwerfen Sie sie zuerst.</translation>
    </message>
    <message>
        <source>%1 Invocations are not recorded.</source>
        <translation>%1 Aufrufe werden nicht aufgezeichnet.</translation>
    </message>
    <message>
        <source>%1 — Serverless Workbench</source>
        <translation>%1 — Serverless Workbench</translation>
    </message>
    <message numerus="yes">
        <source>Opened with %n warning(s): %1</source>
        <translation>
            <numerusform>Mit %n Warnung geöffnet: %1</numerusform>
            <numerusform>Mit %n Warnungen geöffnet: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>A deploy is running: cancel it in the Deploy panel first.</source>
        <translation>Eine Bereitstellung läuft: brechen Sie sie zuerst im Bereich „Bereitstellen“ ab.</translation>
    </message>
    <message numerus="yes">
        <source>Restored %n unsaved buffer(s); save them to keep them.</source>
        <translation>
            <numerusform>%n ungespeicherter Puffer wiederhergestellt; speichern Sie ihn, um ihn zu behalten.</numerusform>
            <numerusform>%n ungespeicherte Puffer wiederhergestellt; speichern Sie sie, um sie zu behalten.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 saved: the instances of “%2” retire; its next invocation starts cold.</source>
        <translation>%1 gespeichert: die Instanzen von „%2“ werden beendet; ihr nächster Aufruf ist ein Kaltstart.</translation>
    </message>
    <message>
        <source>Open a workspace first.</source>
        <translation>Öffnen Sie zuerst einen Arbeitsbereich.</translation>
    </message>
    <message>
        <source>%1 already exists; import into another folder, or open that workspace.</source>
        <translation>%1 existiert bereits; importieren Sie in einen anderen Ordner oder öffnen Sie diesen Arbeitsbereich.</translation>
    </message>
    <message numerus="yes">
        <source>Imported with %n thing(s) not taken over, the first: %1</source>
        <translation>
            <numerusform>Importiert; %n Element nicht übernommen: %1</numerusform>
            <numerusform>Importiert; %n Elemente nicht übernommen, das erste: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Import a SAM template or a serverless.yml</source>
        <translation>Eine SAM-Vorlage oder eine serverless.yml importieren</translation>
    </message>
    <message>
        <source>Templates (*.yaml *.yml *.json);;All files (*)</source>
        <translation>Vorlagen (*.yaml *.yml *.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Folder for the new workspace (workbench.json goes here)</source>
        <translation>Ordner für den neuen Arbeitsbereich (workbench.json kommt hierher)</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <source>New Function</source>
        <translation>Neue Funktion</translation>
    </message>
    <message>
        <source>Function name</source>
        <translation>Funktionsname</translation>
    </message>
    <message>
        <source>letters, digits, - and _</source>
        <translation>Buchstaben, Ziffern, - und _</translation>
    </message>
    <message>
        <source>Runtime</source>
        <translation>Laufzeit</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Creates a folder with a handler that answers GET /NAME, an http trigger and a saved event.</source>
        <translation>Legt einen Ordner an mit einem Handler, der GET /NAME beantwortet, einem HTTP-Trigger und einem gespeicherten Ereignis.</translation>
    </message>
    <message>
        <source>Rename Function</source>
        <translation>Funktion umbenennen</translation>
    </message>
    <message>
        <source>New name for “%1”:</source>
        <translation>Neuer Name für „%1“:</translation>
    </message>
    <message>
        <source>Delete Function</source>
        <translation>Funktion löschen</translation>
    </message>
    <message>
        <source>Remove “%1” from the workspace?</source>
        <translation>„%1“ aus dem Arbeitsbereich entfernen?</translation>
    </message>
    <message>
        <source>Also delete its code folder and saved events</source>
        <translation>Auch ihren Code-Ordner und die gespeicherten Ereignisse löschen</translation>
    </message>
    <message>
        <source>last: %1 %2</source>
        <translation>zuletzt: %1 %2</translation>
    </message>
    <message>
        <source>last: %1 throttled</source>
        <translation>zuletzt: %1 gedrosselt</translation>
    </message>
    <message>
        <source>No workspace open</source>
        <translation>Kein Arbeitsbereich geöffnet</translation>
    </message>
    <message numerus="yes">
        <source>%n instance(s), %1 busy</source>
        <translation>
            <numerusform>%n Instanz, %1 beschäftigt</numerusform>
            <numerusform>%n Instanzen, %1 beschäftigt</numerusform>
        </translation>
    </message>
    <message>
        <source>Added .swb/ to the workspace&apos;s .gitignore.</source>
        <translation>.swb/ wurde zur .gitignore des Arbeitsbereichs hinzugefügt.</translation>
    </message>
    <message>
        <source>&amp;Git</source>
        <translation>&amp;Git</translation>
    </message>
    <message>
        <source>&amp;Initialize Repository</source>
        <translation>Repository &amp;initialisieren</translation>
    </message>
    <message>
        <source>%1 is now a git repository; commit with Git ▸ Commit.</source>
        <translation>%1 ist jetzt ein Git-Repository; committen Sie mit Git ▸ Commit.</translation>
    </message>
    <message>
        <source>&amp;Commit…</source>
        <translation>&amp;Commit…</translation>
    </message>
    <message>
        <source>Committed %1.</source>
        <translation>%1 committet.</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>&amp;System Language</source>
        <translation>&amp;Systemsprache</translation>
    </message>
    <message>
        <source>The language changes at the next start.</source>
        <translation>Die Sprache wechselt beim nächsten Start.</translation>
    </message>
    <message>
        <source>&amp;History of Function…</source>
        <translation>&amp;Verlauf der Funktion…</translation>
    </message>
    <message>
        <source>History of &amp;Workspace…</source>
        <translation>Verlauf des &amp;Arbeitsbereichs…</translation>
    </message>
    <message>
        <source>Compare &amp;with Commit…</source>
        <translation>Mit Commit &amp;vergleichen…</translation>
    </message>
    <message>
        <source>Open a file in the editor to compare it.</source>
        <translation>Öffnen Sie eine Datei im Editor, um sie zu vergleichen.</translation>
    </message>
    <message>
        <source>%1 is outside the workspace&apos;s repository.</source>
        <translation>%1 liegt außerhalb des Repositorys des Arbeitsbereichs.</translation>
    </message>
    <message>
        <source>%1 is not a function of this workspace.</source>
        <translation>%1 ist keine Funktion dieses Arbeitsbereichs.</translation>
    </message>
    <message>
        <source>Save the open files first: what is deployed is compared with the files on disk.</source>
        <translation>Speichern Sie zuerst die geöffneten Dateien: Der bereitgestellte Stand wird mit den Dateien auf der Festplatte verglichen.</translation>
    </message>
    <message>
        <source>%1&apos;s files are as deployed to %2 (commit %3).</source>
        <translation>Die Dateien von %1 entsprechen dem auf %2 bereitgestellten Stand (Commit %3).</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) of %1 differ from what is deployed to %2 (commit %3).</source>
        <translation>
            <numerusform>%n Datei von %1 weicht vom auf %2 bereitgestellten Stand ab (Commit %3).</numerusform>
            <numerusform>%n Dateien von %1 weichen vom auf %2 bereitgestellten Stand ab (Commit %3).</numerusform>
        </translation>
    </message>
    <message>
        <source>Deployed to %1: %2</source>
        <translation>Bereitgestellt auf %1: %2</translation>
    </message>
    <message>
        <source>What Is Deployed: %1</source>
        <translation>Was ist bereitgestellt: %1</translation>
    </message>
    <message>
        <source>Gateway</source>
        <translation>Gateway</translation>
    </message>
    <message>
        <source>Start HTTP &amp;Gateway</source>
        <translation>HTTP-&amp;Gateway starten</translation>
    </message>
    <message>
        <source>Stop HTTP &amp;Gateway</source>
        <translation>HTTP-&amp;Gateway anhalten</translation>
    </message>
    <message>
        <source>The gateway serves the workspace on %1.</source>
        <translation>Das Gateway liefert den Arbeitsbereich auf %1 aus.</translation>
    </message>
    <message>
        <source>The gateway stopped.</source>
        <translation>Das Gateway wurde angehalten.</translation>
    </message>
</context>
<context>
    <name>swb::MetricsPanel</name>
    <message>
        <source>Cold</source>
        <translation>Kalt</translation>
    </message>
    <message>
        <source>Warm</source>
        <translation>Warm</translation>
    </message>
    <message>
        <source>Init</source>
        <translation>Init</translation>
    </message>
    <message>
        <source>Function shown in the metrics</source>
        <translation>In den Metriken gezeigte Funktion</translation>
    </message>
    <message>
        <source>Metrics summary</source>
        <translation>Zusammenfassung der Metriken</translation>
    </message>
    <message>
        <source>Duration (ms), cold and warm</source>
        <translation>Dauer (ms), kalt und warm</translation>
    </message>
    <message>
        <source>Init duration of cold starts (ms)</source>
        <translation>Init-Dauer der Kaltstarts (ms)</translation>
    </message>
    <message>
        <source>Cold-start share, per second</source>
        <translation>Kaltstart-Anteil pro Sekunde</translation>
    </message>
    <message>
        <source>cold / all</source>
        <translation>kalt / alle</translation>
    </message>
    <message>
        <source>Concurrency: most at once, per second</source>
        <translation>Parallelität: Höchstwert pro Sekunde</translation>
    </message>
    <message>
        <source>Function</source>
        <translation>Funktion</translation>
    </message>
    <message>
        <source>Duration histogram, cold and warm</source>
        <translation>Histogramm der Dauer, kalt und warm</translation>
    </message>
    <message>
        <source>Cold-start share over time</source>
        <translation>Kaltstart-Anteil über die Zeit</translation>
    </message>
    <message>
        <source>Init duration distribution</source>
        <translation>Verteilung der Init-Dauer</translation>
    </message>
    <message>
        <source>Concurrency over time</source>
        <translation>Parallelität über die Zeit</translation>
    </message>
    <message>
        <source>All functions</source>
        <translation>Alle Funktionen</translation>
    </message>
    <message>
        <source>No invocations yet: invoke, or start a load test.</source>
        <translation>Noch keine Aufrufe: rufen Sie auf oder starten Sie einen Lasttest.</translation>
    </message>
    <message>
        <source>%1 invocations: %2 cold, %3 warm</source>
        <translation>%1 Aufrufe: %2 kalt, %3 warm</translation>
    </message>
</context>
<context>
    <name>swb::RunPanel</name>
    <message>
        <source>Invoke</source>
        <translation>Aufrufen</translation>
    </message>
    <message>
        <source>Start load</source>
        <translation>Last starten</translation>
    </message>
    <message>
        <source>Function to invoke</source>
        <translation>Aufzurufende Funktion</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Event payload (JSON)</source>
        <translation>Ereignis-Nutzlast (JSON)</translation>
    </message>
    <message>
        <source>Payload error</source>
        <translation>Fehler in der Nutzlast</translation>
    </message>
    <message>
        <source>Invoke the function</source>
        <translation>Die Funktion aufrufen</translation>
    </message>
    <message>
        <source>Invoke (Ctrl+Return)</source>
        <translation>Aufrufen (Ctrl+Return)</translation>
    </message>
    <message>
        <source>Invocation summary</source>
        <translation>Zusammenfassung des Aufrufs</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>Invocation logs</source>
        <translation>Protokolle des Aufrufs</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>Protokolle</translation>
    </message>
    <message>
        <source>Function</source>
        <translation>Funktion</translation>
    </message>
    <message>
        <source>Constant</source>
        <translation>Konstant</translation>
    </message>
    <message>
        <source>Poisson</source>
        <translation>Poisson</translation>
    </message>
    <message>
        <source>Bursts</source>
        <translation>Stöße</translation>
    </message>
    <message>
        <source>Load pattern</source>
        <translation>Lastmuster</translation>
    </message>
    <message>
        <source> /s</source>
        <translation> /s</translation>
    </message>
    <message>
        <source>Requests per second</source>
        <translation>Anfragen pro Sekunde</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Load duration</source>
        <translation>Dauer des Lasttests</translation>
    </message>
    <message>
        <source>keep-alive </source>
        <translation>Keep-Alive </translation>
    </message>
    <message>
        <source>Keep-alive of idle instances, in seconds</source>
        <translation>Keep-Alive von Instanzen im Leerlauf, in Sekunden</translation>
    </message>
    <message>
        <source>How long an idle instance stays warm (the runner&apos;s keep-alive)</source>
        <translation>Wie lange eine Instanz im Leerlauf warm bleibt (das Keep-Alive des Runners)</translation>
    </message>
    <message>
        <source>limit </source>
        <translation>Limit </translation>
    </message>
    <message>
        <source>Concurrency limit</source>
        <translation>Parallelitätslimit</translation>
    </message>
    <message>
        <source>Instances per function at most (unless it reserves its own); beyond it, throttled</source>
        <translation>Höchstens so viele Instanzen pro Funktion (außer sie reserviert eigene); darüber hinaus gedrosselt</translation>
    </message>
    <message>
        <source>Start or stop the load test</source>
        <translation>Den Lasttest starten oder stoppen</translation>
    </message>
    <message>
        <source>Load test status</source>
        <translation>Status des Lasttests</translation>
    </message>
    <message>
        <source>Load test</source>
        <translation>Lasttest</translation>
    </message>
    <message>
        <source>for</source>
        <translation>für</translation>
    </message>
    <message>
        <source>Empty event {}</source>
        <translation>Leeres Ereignis {}</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Gespeichert: %1</translation>
    </message>
    <message>
        <source>Template: %1</source>
        <translation>Vorlage: %1</translation>
    </message>
    <message>
        <source>Cannot read the saved event %1: %2.</source>
        <translation>Das gespeicherte Ereignis %1 kann nicht gelesen werden: %2.</translation>
    </message>
    <message>
        <source>Invoking %1…</source>
        <translation>%1 wird aufgerufen…</translation>
    </message>
    <message>
        <source>%1 · %2 · duration %3 ms · billed %4 ms · memory %5/%6 MB</source>
        <translation>%1 · %2 · Dauer %3 ms · abgerechnet %4 ms · Speicher %5/%6 MB</translation>
    </message>
    <message>
        <source>cold start, init %1 ms</source>
        <translation>Kaltstart, Init %1 ms</translation>
    </message>
    <message>
        <source>warm</source>
        <translation>warm</translation>
    </message>
    <message>
        <source>Failed (%1) · </source>
        <translation>Fehlgeschlagen (%1) · </translation>
    </message>
    <message>
        <source>Open a workspace and pick a function to load.</source>
        <translation>Öffnen Sie einen Arbeitsbereich und wählen Sie eine Funktion für die Last.</translation>
    </message>
    <message>
        <source>Fix the event first: %1</source>
        <translation>Korrigieren Sie zuerst das Ereignis: %1</translation>
    </message>
    <message>
        <source>Stop load</source>
        <translation>Last stoppen</translation>
    </message>
    <message>
        <source>sent %1 · done %2 · cold %3 · throttled %4 · failed %5</source>
        <translation>gesendet %1 · fertig %2 · kalt %3 · gedrosselt %4 · fehlgeschlagen %5</translation>
    </message>
    <message>
        <source> · duration p50 %1 ms, p99 %2 ms</source>
        <translation> · Dauer p50 %1 ms, p99 %2 ms</translation>
    </message>
    <message>
        <source> · running</source>
        <translation> · läuft</translation>
    </message>
</context>
<context>
    <name>swb::ScenarioItemDelegate</name>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <source>measured</source>
        <translation>gemessen</translation>
    </message>
</context>
<context>
    <name>swb::ScenarioTableModel</name>
    <message>
        <source>scenario</source>
        <translation>Szenario</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Function</source>
        <translation>Funktion</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Tarif</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>Architektur</translation>
    </message>
    <message>
        <source>Memory (MB)</source>
        <translation>Arbeitsspeicher (MB)</translation>
    </message>
    <message>
        <source>Invocations / month</source>
        <translation>Aufrufe / Monat</translation>
    </message>
    <message>
        <source>Duration (ms)</source>
        <translation>Dauer (ms)</translation>
    </message>
    <message>
        <source>Cold-start share</source>
        <translation>Kaltstart-Anteil</translation>
    </message>
    <message>
        <source>Init (ms)</source>
        <translation>Init (ms)</translation>
    </message>
    <message>
        <source>Gateway</source>
        <translation>Gateway</translation>
    </message>
    <message>
        <source>Kept warm</source>
        <translation>Warm gehalten</translation>
    </message>
    <message>
        <source>Free tier</source>
        <translation>Free Tier</translation>
    </message>
    <message>
        <source>Total / month</source>
        <translation>Summe / Monat</translation>
    </message>
    <message>
        <source>Per million</source>
        <translation>Pro Million</translation>
    </message>
    <message>
        <source>default (%1)</source>
        <translation>Standard (%1)</translation>
    </message>
    <message>
        <source>measured: %1</source>
        <translation>gemessen: %1</translation>
    </message>
    <message>
        <source>measured</source>
        <translation>gemessen</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keins</translation>
    </message>
    <message>
        <source>%1 × %2 h, %3% of invocations</source>
        <translation>%1 × %2 h, %3 % der Aufrufe</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>Milliseconds per invocation; leave empty (or type &quot;measured&quot;) to use the durations the runner measured for the scenario&apos;s function.</source>
        <translation>Millisekunden pro Aufruf; leer lassen (oder &quot;measured&quot; eingeben), um die Dauern zu verwenden, die der Runner für die Funktion des Szenarios gemessen hat.</translation>
    </message>
    <message>
        <source>Share of invocations that start cold, 0 to 1 (or 5%); leave empty to use the measured share.</source>
        <translation>Anteil der Aufrufe mit Kaltstart, 0 bis 1 (oder 5%); leer lassen, um den gemessenen Anteil zu verwenden.</translation>
    </message>
    <message>
        <source>Init duration of a cold start in ms; leave empty to use the measured mean.</source>
        <translation>Init-Dauer eines Kaltstarts in ms; leer lassen, um den gemessenen Mittelwert zu verwenden.</translation>
    </message>
    <message>
        <source>Memory in MB, %1 to %2; each provider prices its own range.</source>
        <translation>Arbeitsspeicher in MB, %1 bis %2; jeder Anbieter bepreist seinen eigenen Bereich.</translation>
    </message>
    <message>
        <source>Invocations per month: 5000000, 5M or 5e6.</source>
        <translation>Aufrufe pro Monat: 5000000, 5M oder 5e6.</translation>
    </message>
    <message>
        <source>Azure: consumption or flex; Google Cloud: gen2 or gen1; OpenWhisk: ibm or self-hosted (which needs clusterMonthlyCost in workbench.json).</source>
        <translation>Azure: consumption oder flex; Google Cloud: gen2 oder gen1; OpenWhisk: ibm oder self-hosted (braucht clusterMonthlyCost in workbench.json).</translation>
    </message>
    <message>
        <source>AWS only: the API Gateway in front of the function, priced per request: none, http (HTTP API) or rest (REST API).</source>
        <translation>Nur AWS: das API Gateway vor der Funktion, pro Anfrage bepreist: none, http (HTTP API) oder rest (REST API).</translation>
    </message>
    <message>
        <source>Instances kept warm and paid for while idle (AWS provisioned concurrency, Azure Flex always ready): &quot;2&quot; for two all month (730 h) serving every invocation, or &quot;2 200h 60%&quot; for 200 hours a month serving 60% of them; empty or 0 for none.</source>
        <translation>Instanzen, die warm gehalten und auch im Leerlauf bezahlt werden (AWS Provisioned Concurrency, Azure Flex Always Ready): &quot;2&quot; für zwei den ganzen Monat (730 h), die jeden Aufruf bedienen, oder &quot;2 200h 60%&quot; für 200 Stunden im Monat, die 60 % davon bedienen; leer oder 0 für keine.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not allowed; %2</source>
        <translation>„%1“ ist nicht zulässig; %2</translation>
    </message>
    <message>
        <source>a scenario needs a name.</source>
        <translation>ein Szenario braucht einen Namen.</translation>
    </message>
    <message>
        <source>another scenario has that name; names must be unique.</source>
        <translation>ein anderes Szenario hat diesen Namen; Namen müssen eindeutig sein.</translation>
    </message>
    <message>
        <source>choose one of the workspace&apos;s functions (%1) or none.</source>
        <translation>wählen Sie eine der Funktionen des Arbeitsbereichs (%1) oder none.</translation>
    </message>
    <message>
        <source>choose one of: %1.</source>
        <translation>wählen Sie eines von: %1.</translation>
    </message>
    <message>
        <source>%1 has no plans to choose from.</source>
        <translation>%1 hat keine Tarife zur Auswahl.</translation>
    </message>
    <message>
        <source>%1 offers: %2.</source>
        <translation>%1 bietet: %2.</translation>
    </message>
    <message>
        <source>%1 prices these regions: %2.</source>
        <translation>%1 bepreist diese Regionen: %2.</translation>
    </message>
    <message>
        <source>choose x86_64 or arm64.</source>
        <translation>wählen Sie x86_64 oder arm64.</translation>
    </message>
    <message>
        <source>type whole megabytes from %1 to %2.</source>
        <translation>geben Sie ganze Megabyte von %1 bis %2 ein.</translation>
    </message>
    <message>
        <source>type invocations per month from 0 to 10^12 (5000000, 5M or 5e6).</source>
        <translation>geben Sie Aufrufe pro Monat von 0 bis 10^12 ein (5000000, 5M oder 5e6).</translation>
    </message>
    <message>
        <source>type milliseconds above 0 and up to %1, or leave it empty to use the measured durations.</source>
        <translation>geben Sie Millisekunden über 0 und bis %1 ein, oder lassen Sie das Feld leer, um die gemessenen Dauern zu verwenden.</translation>
    </message>
    <message>
        <source>type a share from 0 to 1 (0.05 or 5%), or leave it empty to use the measured share.</source>
        <translation>geben Sie einen Anteil von 0 bis 1 ein (0.05 oder 5%), oder lassen Sie das Feld leer, um den gemessenen Anteil zu verwenden.</translation>
    </message>
    <message>
        <source>type milliseconds from 0 to %1, or leave it empty to use the measured mean.</source>
        <translation>geben Sie Millisekunden von 0 bis %1 ein, oder lassen Sie das Feld leer, um den gemessenen Mittelwert zu verwenden.</translation>
    </message>
    <message>
        <source>only AWS scenarios price a gateway per request.</source>
        <translation>nur AWS-Szenarien bepreisen ein Gateway pro Anfrage.</translation>
    </message>
    <message>
        <source>choose none, http (HTTP API) or rest (REST API).</source>
        <translation>wählen Sie none, http (HTTP API) oder rest (REST API).</translation>
    </message>
    <message>
        <source>%1 has no kept-warm instances to price here (Azure: choose the flex plan first).</source>
        <translation>%1 hat hier keine warm gehaltenen Instanzen zu bepreisen (Azure: wählen Sie zuerst den Tarif flex).</translation>
    </message>
    <message>
        <source>type the instances, then optionally hours a month and the share of invocations they serve: &quot;2&quot; or &quot;2 200h 60%&quot;.</source>
        <translation>geben Sie die Instanzen ein, optional danach Stunden im Monat und den Anteil der Aufrufe, den sie bedienen: &quot;2&quot; oder &quot;2 200h 60%&quot;.</translation>
    </message>
    <message>
        <source>hours a month go from 0 to 744 (a 31-day month).</source>
        <translation>Stunden im Monat reichen von 0 bis 744 (ein Monat mit 31 Tagen).</translation>
    </message>
    <message>
        <source>the share of invocations goes from 0% to 100%.</source>
        <translation>der Anteil der Aufrufe reicht von 0 % bis 100 %.</translation>
    </message>
    <message>
        <source>this column is computed and cannot be edited.</source>
        <translation>diese Spalte wird berechnet und kann nicht bearbeitet werden.</translation>
    </message>
    <message>
        <source>Scenario &quot;%1&quot;, %2: %3</source>
        <translation>Szenario „%1“, %2: %3</translation>
    </message>
    <message>
        <source>the scenario names no function</source>
        <translation>das Szenario nennt keine Funktion</translation>
    </message>
    <message>
        <source>no run history is open</source>
        <translation>kein Ausführungsverlauf ist geöffnet</translation>
    </message>
    <message>
        <source>No price list is loaded.</source>
        <translation>Keine Preisliste geladen.</translation>
    </message>
    <message>
        <source>No duration: type one, or choose a function whose runs were measured.</source>
        <translation>Keine Dauer: geben Sie eine ein oder wählen Sie eine Funktion, deren Aufrufe gemessen wurden.</translation>
    </message>
    <message>
        <source>No measured duration for &quot;%1&quot;: %2</source>
        <translation>Keine gemessene Dauer für „%1“: %2</translation>
    </message>
</context>
<context>
    <name>swb::SimulatePanel</name>
    <message>
        <source>Run</source>
        <translation>Ausführen</translation>
    </message>
    <message>
        <source>Run the simulation</source>
        <translation>Die Simulation starten</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel the simulation</source>
        <translation>Die Simulation abbrechen</translation>
    </message>
    <message>
        <source>%p%</source>
        <translation>%p %</translation>
    </message>
    <message>
        <source>Simulation progress</source>
        <translation>Fortschritt der Simulation</translation>
    </message>
    <message>
        <source>Simulation status</source>
        <translation>Status der Simulation</translation>
    </message>
    <message>
        <source>Cold-start ratio</source>
        <translation>Kaltstart-Quote</translation>
    </message>
    <message>
        <source>Throttle ratio</source>
        <translation>Drosselungsquote</translation>
    </message>
    <message>
        <source>Latency percentiles</source>
        <translation>Latenz-Perzentile</translation>
    </message>
    <message>
        <source>Instances</source>
        <translation>Instanzen</translation>
    </message>
    <message>
        <source>Instance time</source>
        <translation>Instanzzeit</translation>
    </message>
    <message>
        <source>Cold starts:</source>
        <translation>Kaltstarts:</translation>
    </message>
    <message>
        <source>Throttled:</source>
        <translation>Gedrosselt:</translation>
    </message>
    <message>
        <source>Latency:</source>
        <translation>Latenz:</translation>
    </message>
    <message>
        <source>Instances:</source>
        <translation>Instanzen:</translation>
    </message>
    <message>
        <source>Instance time:</source>
        <translation>Instanzzeit:</translation>
    </message>
    <message>
        <source>Instances over time</source>
        <translation>Instanzen über die Zeit</translation>
    </message>
    <message>
        <source>Busy and idle instance time</source>
        <translation>Aktive Instanzzeit und Leerlauf</translation>
    </message>
    <message>
        <source>Instance-hours: busy and idle</source>
        <translation>Instanzstunden: aktiv/Leerlauf</translation>
    </message>
    <message>
        <source>Monthly cost</source>
        <translation>Monatliche Kosten</translation>
    </message>
    <message>
        <source>The cost per 730-hour month appears here after a run.</source>
        <translation>Die Kosten pro Monat mit 730 Stunden erscheinen hier nach einem Lauf.</translation>
    </message>
    <message>
        <source>Poisson</source>
        <translation>Poisson</translation>
    </message>
    <message>
        <source>Periodic</source>
        <translation>Periodisch</translation>
    </message>
    <message>
        <source>Bursty on/off</source>
        <translation>Stoßweise an/aus</translation>
    </message>
    <message>
        <source>Diurnal</source>
        <translation>Tageszyklus</translation>
    </message>
    <message>
        <source>Trace file</source>
        <translation>Trace-Datei</translation>
    </message>
    <message>
        <source>Arrival model</source>
        <translation>Ankunftsmodell</translation>
    </message>
    <message>
        <source> /s</source>
        <translation> /s</translation>
    </message>
    <message>
        <source>Invocations per second</source>
        <translation>Aufrufe pro Sekunde</translation>
    </message>
    <message>
        <source>Burst length</source>
        <translation>Stoßdauer</translation>
    </message>
    <message>
        <source>Quiet time between bursts</source>
        <translation>Ruhezeit zwischen Stößen</translation>
    </message>
    <message>
        <source>Diurnal amplitude</source>
        <translation>Amplitude des Tageszyklus</translation>
    </message>
    <message>
        <source>Diurnal period</source>
        <translation>Periode des Tageszyklus</translation>
    </message>
    <message>
        <source>invocations_per_function_md.anon.d01.csv</source>
        <translation>invocations_per_function_md.anon.d01.csv</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Choose a trace file</source>
        <translation>Eine Trace-Datei wählen</translation>
    </message>
    <message>
        <source>Function hash to replay</source>
        <translation>Abzuspielender Funktions-Hash</translation>
    </message>
    <message>
        <source>1h, 1d, 30d</source>
        <translation>1h, 1d, 30d</translation>
    </message>
    <message>
        <source>Simulated duration</source>
        <translation>Simulierte Dauer</translation>
    </message>
    <message>
        <source>Fixed</source>
        <translation>Fest</translation>
    </message>
    <message>
        <source>Exponential</source>
        <translation>Exponentiell</translation>
    </message>
    <message>
        <source>Lognormal (p50, p99)</source>
        <translation>Log-Normal (p50, p99)</translation>
    </message>
    <message>
        <source>Measured</source>
        <translation>Gemessen</translation>
    </message>
    <message>
        <source>Service time distribution</source>
        <translation>Verteilung der Bedienzeit</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>Service time in milliseconds</source>
        <translation>Bedienzeit in Millisekunden</translation>
    </message>
    <message>
        <source>Service time p99 in milliseconds</source>
        <translation>Bedienzeit p99 in Millisekunden</translation>
    </message>
    <message>
        <source>Function whose times are measured</source>
        <translation>Funktion, deren Zeiten gemessen werden</translation>
    </message>
    <message>
        <source>Typed</source>
        <translation>Eingegeben</translation>
    </message>
    <message>
        <source>Measured mean</source>
        <translation>Gemessener Mittelwert</translation>
    </message>
    <message>
        <source>Init time source</source>
        <translation>Quelle der Init-Zeit</translation>
    </message>
    <message>
        <source>Init time in milliseconds</source>
        <translation>Init-Zeit in Millisekunden</translation>
    </message>
    <message>
        <source>Fixed keep-alive</source>
        <translation>Festes Keep-Alive</translation>
    </message>
    <message>
        <source>No keep-alive</source>
        <translation>Kein Keep-Alive</translation>
    </message>
    <message>
        <source>Hybrid histogram</source>
        <translation>Hybrides Histogramm</translation>
    </message>
    <message>
        <source>Keep-alive policy</source>
        <translation>Keep-Alive-Richtlinie</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Keep-alive in minutes</source>
        <translation>Keep-Alive in Minuten</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keins</translation>
    </message>
    <message>
        <source>Concurrency cap</source>
        <translation>Parallelitätsgrenze</translation>
    </message>
    <message>
        <source>Provisioned instances</source>
        <translation>Bereitgestellte Instanzen</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <source>Memory in megabytes</source>
        <translation>Arbeitsspeicher in Megabyte</translation>
    </message>
    <message>
        <source>Provider for the cost</source>
        <translation>Anbieter für die Kosten</translation>
    </message>
    <message>
        <source>Random seed</source>
        <translation>Zufalls-Seed</translation>
    </message>
    <message>
        <source>Arrivals:</source>
        <translation>Ankünfte:</translation>
    </message>
    <message>
        <source>Rate:</source>
        <translation>Rate:</translation>
    </message>
    <message>
        <source>Burst on:</source>
        <translation>Stoß an:</translation>
    </message>
    <message>
        <source>Burst off:</source>
        <translation>Stoß aus:</translation>
    </message>
    <message>
        <source>Amplitude:</source>
        <translation>Amplitude:</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Periode:</translation>
    </message>
    <message>
        <source>Trace file:</source>
        <translation>Trace-Datei:</translation>
    </message>
    <message>
        <source>Function hash:</source>
        <translation>Funktions-Hash:</translation>
    </message>
    <message>
        <source>Duration:</source>
        <translation>Dauer:</translation>
    </message>
    <message>
        <source>Service time:</source>
        <translation>Bedienzeit:</translation>
    </message>
    <message>
        <source>Service ms:</source>
        <translation>Bedienzeit ms:</translation>
    </message>
    <message>
        <source>Service p99:</source>
        <translation>Bedienzeit p99:</translation>
    </message>
    <message>
        <source>Measured function:</source>
        <translation>Gemessene Funktion:</translation>
    </message>
    <message>
        <source>Init:</source>
        <translation>Init:</translation>
    </message>
    <message>
        <source>Init ms:</source>
        <translation>Init ms:</translation>
    </message>
    <message>
        <source>Keep-alive:</source>
        <translation>Keep-Alive:</translation>
    </message>
    <message>
        <source>Keep for:</source>
        <translation>Halten für:</translation>
    </message>
    <message>
        <source>Concurrency cap:</source>
        <translation>Parallelitätsgrenze:</translation>
    </message>
    <message>
        <source>Provisioned:</source>
        <translation>Bereitgestellt:</translation>
    </message>
    <message>
        <source>Memory:</source>
        <translation>Arbeitsspeicher:</translation>
    </message>
    <message>
        <source>Provider:</source>
        <translation>Anbieter:</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>Seed:</translation>
    </message>
    <message>
        <source>Azure Functions trace</source>
        <translation>Azure-Functions-Trace</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-Dateien (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>The rate must be above 0 invocations per second.</source>
        <translation>Die Rate muss über 0 Aufrufen pro Sekunde liegen.</translation>
    </message>
    <message>
        <source>The burst length needs a duration above 0, such as 1m.</source>
        <translation>Die Stoßdauer braucht eine Dauer über 0, etwa 1m.</translation>
    </message>
    <message>
        <source>The quiet time needs a duration, such as 9m.</source>
        <translation>Die Ruhezeit braucht eine Dauer, etwa 9m.</translation>
    </message>
    <message>
        <source>The period needs a duration above 0, such as 1d.</source>
        <translation>Die Periode braucht eine Dauer über 0, etwa 1d.</translation>
    </message>
    <message>
        <source>Reading the trace file…</source>
        <translation>Die Trace-Datei wird gelesen…</translation>
    </message>
    <message>
        <source>Choose a trace file, then the function hash to replay.</source>
        <translation>Wählen Sie eine Trace-Datei, dann den abzuspielenden Funktions-Hash.</translation>
    </message>
    <message>
        <source>Give a duration above 0 such as 1h, 1d or 30d (ms, s, m, h, d, mo).</source>
        <translation>Geben Sie eine Dauer über 0 an, etwa 1h, 1d oder 30d (ms, s, m, h, d, mo).</translation>
    </message>
    <message>
        <source>The p99 must be above the p50.</source>
        <translation>Das p99 muss über dem p50 liegen.</translation>
    </message>
    <message>
        <source>Measured times need a workspace history; run the function first.</source>
        <translation>Gemessene Zeiten brauchen einen Verlauf des Arbeitsbereichs; führen Sie die Funktion zuerst aus.</translation>
    </message>
    <message>
        <source>Choose the function whose measured times to use.</source>
        <translation>Wählen Sie die Funktion, deren gemessene Zeiten verwendet werden.</translation>
    </message>
    <message>
        <source>Provisioned instances cannot exceed the concurrency cap.</source>
        <translation>Bereitgestellte Instanzen dürfen die Parallelitätsgrenze nicht überschreiten.</translation>
    </message>
    <message>
        <source>Service time p50 in milliseconds</source>
        <translation>Bedienzeit p50 in Millisekunden</translation>
    </message>
    <message>
        <source>Fix the fields marked in red to run.</source>
        <translation>Korrigieren Sie die rot markierten Felder, um zu starten.</translation>
    </message>
    <message>
        <source>There are no measured invocations of %1; run it first.</source>
        <translation>Es gibt keine gemessenen Aufrufe von %1; führen Sie sie zuerst aus.</translation>
    </message>
    <message>
        <source>%1 has no measured cold start to take the init time from.</source>
        <translation>%1 hat keinen gemessenen Kaltstart, aus dem die Init-Zeit genommen werden kann.</translation>
    </message>
    <message>
        <source>Simulating…</source>
        <translation>Simuliere…</translation>
    </message>
    <message>
        <source>The simulation did not run.</source>
        <translation>Die Simulation ist nicht gelaufen.</translation>
    </message>
    <message>
        <source>Cancelled at %1 of %2 simulated.</source>
        <translation>Abgebrochen bei %1 von %2 simuliert.</translation>
    </message>
    <message>
        <source>Simulated %1: %2 arrivals.</source>
        <translation>%1 simuliert: %2 Ankünfte.</translation>
    </message>
    <message>
        <source>Arrivals %1; service %2; init %3; keep-alive %4.</source>
        <translation>Ankünfte %1; Bedienung %2; Init %3; Keep-Alive %4.</translation>
    </message>
    <message>
        <source>%1 (%2 of %3 served)</source>
        <translation>%1 (%2 von %3 bedient)</translation>
    </message>
    <message>
        <source>%1% (%2 of %3 arrivals)</source>
        <translation>%1 % (%2 von %3 Ankünften)</translation>
    </message>
    <message>
        <source>p50 %1 ms · p90 %2 ms · p99 %3 ms · max %4 ms</source>
        <translation>p50 %1 ms · p90 %2 ms · p99 %3 ms · max %4 ms</translation>
    </message>
    <message>
        <source>mean %1 (busy %2), max %3</source>
        <translation>Mittel %1 (aktiv %2), max %3</translation>
    </message>
    <message>
        <source>busy %1 h, idle %2 h</source>
        <translation>aktiv %1 h, Leerlauf %2 h</translation>
    </message>
    <message>
        <source>loaded</source>
        <translation>geladen</translation>
    </message>
    <message>
        <source>busy</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>days</source>
        <translation>Tage</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>Stunden</translation>
    </message>
    <message>
        <source>instances</source>
        <translation>Instanzen</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>Leerlauf</translation>
    </message>
    <message>
        <source>instance-h</source>
        <translation>Instanz-h</translation>
    </message>
    <message>
        <source>No provider chosen: the run is not priced.</source>
        <translation>Kein Anbieter gewählt: der Lauf wird nicht bepreist.</translation>
    </message>
    <message>
        <source>The built-in price list could not be loaded.</source>
        <translation>Die eingebaute Preisliste konnte nicht geladen werden.</translation>
    </message>
    <message>
        <source>Cost per 730-hour month on %1 (the run scaled by %2):
%3</source>
        <translation>Kosten pro Monat mit 730 Stunden auf %1 (der Lauf skaliert mit %2):
%3</translation>
    </message>
    <message>
        <source>Cannot price the run: %1</source>
        <translation>Der Lauf kann nicht bepreist werden: %1</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1 %</translation>
    </message>
</context>
<context>
    <name>swb::TimelineView</name>
    <message>
        <source>Invocation timeline</source>
        <translation>Zeitachse der Aufrufe</translation>
    </message>
    <message>
        <source>One lane per instance, one bar per invocation: cold start init, handler time, frozen time, expiry and throttles. Arrow keys pan, plus and minus zoom, F fits, End follows live.</source>
        <translation>Eine Bahn pro Instanz, ein Balken pro Aufruf: Kaltstart-Init, Handler-Zeit, eingefrorene Zeit, Ablauf und Drosselungen. Pfeiltasten verschieben, Plus und Minus zoomen, F passt ein, Ende folgt live.</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <source>Follow live: keep the latest time in view (End)</source>
        <translation>Live folgen: die neueste Zeit im Blick behalten (Ende)</translation>
    </message>
    <message>
        <source>Follow live</source>
        <translation>Live folgen</translation>
    </message>
    <message>
        <source>cold start</source>
        <translation>Kaltstart</translation>
    </message>
    <message>
        <source>warm start</source>
        <translation>Warmstart</translation>
    </message>
    <message>
        <source>RequestId: %1 (%2, running since %3)</source>
        <translation>RequestId: %1 (%2, läuft seit %3)</translation>
    </message>
    <message>
        <source>RequestId: %1 (%2, %3 ms, %4)</source>
        <translation>RequestId: %1 (%2, %3 ms, %4)</translation>
    </message>
    <message>
        <source>Throttled at %1: TooManyRequestsException (RequestId: %2)</source>
        <translation>Gedrosselt um %1: TooManyRequestsException (RequestId: %2)</translation>
    </message>
    <message>
        <source>%1, instance %2, started at %3</source>
        <translation>%1, Instanz %2, gestartet um %3</translation>
    </message>
    <message>
        <source>Expired at %1: %2</source>
        <translation>Abgelaufen um %1: %2</translation>
    </message>
    <message>
        <source>Killed at %1: %2</source>
        <translation>Beendet um %1: %2</translation>
    </message>
    <message>
        <source>%1 #%2</source>
        <translation>%1 #%2</translation>
    </message>
    <message>
        <source>Init (cold start)</source>
        <translation>Init (Kaltstart)</translation>
    </message>
    <message>
        <source>Handler</source>
        <translation>Handler</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Frozen</source>
        <translation>Eingefroren</translation>
    </message>
    <message>
        <source>Throttled</source>
        <translation>Gedrosselt</translation>
    </message>
    <message>
        <source>Expired / killed</source>
        <translation>Abgelaufen / beendet</translation>
    </message>
</context>
<context>
    <name>swb::WelcomePage</name>
    <message>
        <source>Serverless Workbench</source>
        <translation>Serverless Workbench</translation>
    </message>
    <message>
        <source>Write functions, run them on a faithful local copy of a FaaS platform, watch every cold and warm start, and price them on AWS, Azure, Google Cloud and OpenWhisk.</source>
        <translation>Schreiben Sie Funktionen, führen Sie sie auf einer getreuen lokalen Kopie einer FaaS-Plattform aus, beobachten Sie jeden Kalt- und Warmstart und bepreisen Sie sie auf AWS, Azure, Google Cloud und OpenWhisk.</translation>
    </message>
    <message>
        <source>Open workspace…</source>
        <translation>Arbeitsbereich öffnen…</translation>
    </message>
    <message>
        <source>Open a workspace folder</source>
        <translation>Einen Arbeitsbereich-Ordner öffnen</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>Beispiele</translation>
    </message>
    <message>
        <source>Recent workspaces</source>
        <translation>Zuletzt verwendete Arbeitsbereiche</translation>
    </message>
    <message>
        <source>Import SAM template or serverless.yml…</source>
        <translation>SAM-Vorlage oder serverless.yml importieren…</translation>
    </message>
    <message>
        <source>Import a SAM template or a serverless.yml</source>
        <translation>Eine SAM-Vorlage oder eine serverless.yml importieren</translation>
    </message>
    <message>
        <source>(none yet)</source>
        <translation>(noch keine)</translation>
    </message>
</context>
<context>
    <name>swb::WorkspaceTree</name>
    <message>
        <source>Workspace</source>
        <translation>Arbeitsbereich</translation>
    </message>
    <message>
        <source>New Function…</source>
        <translation>Neue Funktion…</translation>
    </message>
    <message>
        <source>Rename “%1”…</source>
        <translation>„%1“ umbenennen…</translation>
    </message>
    <message>
        <source>Delete “%1”…</source>
        <translation>„%1“ löschen…</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 (%2) · %3</source>
        <translation>%1 (%2) · %3</translation>
    </message>
    <message>
        <source>%1
Handler: %2
Memory: %3 MB, timeout %4 s</source>
        <translation>%1
Handler: %2
Arbeitsspeicher: %3 MB, Timeout %4 s</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>Cost scenarios</source>
        <translation>Kostenszenarien</translation>
    </message>
    <message>
        <source>%1 (%2, %3 MB)</source>
        <translation>%1 (%2, %3 MB)</translation>
    </message>
    <message>
        <source>ignored</source>
        <translation>ignoriert</translation>
    </message>
    <message>
        <source>new</source>
        <translation>neu</translation>
    </message>
    <message>
        <source>modified</source>
        <translation>geändert</translation>
    </message>
    <message>
        <source>staged</source>
        <translation>vorgemerkt</translation>
    </message>
</context>
</TS>
