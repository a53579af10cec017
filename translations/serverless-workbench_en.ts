<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>swb</name>
    <message numerus="yes">
        <source>Wrote %1 with %n function(s)</source>
        <translation>
            <numerusform>Wrote %1 with %n function</numerusform>
            <numerusform>Wrote %1 with %n functions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n thing(s) not imported (see warnings)</source>
        <translation>
            <numerusform>; %n thing not imported (see warnings)</numerusform>
            <numerusform>; %n things not imported (see warnings)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>swb: the new workspace does not validate yet: %n problem(s) to fix in %1.</source>
        <translation>
            <numerusform>swb: the new workspace does not validate yet: %n problem to fix in %1.</numerusform>
            <numerusform>swb: the new workspace does not validate yet: %n problems to fix in %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 is a valid workspace: &quot;%2&quot; with %n function(s)</source>
        <translation>
            <numerusform>%1 is a valid workspace: &quot;%2&quot; with %n function</numerusform>
            <numerusform>%1 is a valid workspace: &quot;%2&quot; with %n functions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (%n warning(s))</source>
        <translation>
            <numerusform> (%n warning)</numerusform>
            <numerusform> (%n warnings)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>swb::DeployPanel</name>
    <message numerus="yes">
        <source>%n file(s) changed since the last commit</source>
        <translation>
            <numerusform>%n file changed since the last commit</numerusform>
            <numerusform>%n files changed since the last commit</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>swb::DiffView</name>
    <message numerus="yes">
        <source>%n change(s): +%1 −%2</source>
        <translation>
            <numerusform>%n change: +%1 −%2</numerusform>
            <numerusform>%n changes: +%1 −%2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>swb::FindBar</name>
    <message numerus="yes">
        <source>%n replaced</source>
        <translation>
            <numerusform>%n replaced</numerusform>
            <numerusform>%n replaced</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>swb::LogView</name>
    <message numerus="yes">
        <source>%n line(s)</source>
        <translation>
            <numerusform>%n line</numerusform>
            <numerusform>%n lines</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; paused, %n new line(s) waiting</source>
        <translation>
            <numerusform>; paused, %n new line waiting</numerusform>
            <numerusform>; paused, %n new lines waiting</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>swb::MainWindow</name>
    <message numerus="yes">
        <source>The workbench stopped with %n unsaved buffer(s) in this workspace. Restore them? (No discards them.)</source>
        <translation>
            <numerusform>The workbench stopped with %n unsaved buffer in this workspace. Restore it? (No discards it.)</numerusform>
            <numerusform>The workbench stopped with %n unsaved buffers in this workspace. Restore them? (No discards them.)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Opened with %n warning(s): %1</source>
        <translation>
            <numerusform>Opened with %n warning: %1</numerusform>
            <numerusform>Opened with %n warnings: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restored %n unsaved buffer(s); save them to keep them.</source>
        <translation>
            <numerusform>Restored %n unsaved buffer; save it to keep it.</numerusform>
            <numerusform>Restored %n unsaved buffers; save them to keep them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) of %1 differ from what is deployed to %2 (commit %3).</source>
        <translation>
            <numerusform>%n file of %1 differs from what is deployed to %2 (commit %3).</numerusform>
            <numerusform>%n files of %1 differ from what is deployed to %2 (commit %3).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported with %n thing(s) not taken over, the first: %1</source>
        <translation>
            <numerusform>Imported with %n thing not taken over: %1</numerusform>
            <numerusform>Imported with %n things not taken over, the first: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n instance(s), %1 busy</source>
        <translation>
            <numerusform>%n instance, %1 busy</numerusform>
            <numerusform>%n instances, %1 busy</numerusform>
        </translation>
    </message>
</context>
</TS>
