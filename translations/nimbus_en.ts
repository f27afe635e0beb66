<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>Nimbus::ArchiveView</name>
    <message numerus="yes">
        <source>Replaying %n event(s) as %1...</source>
        <translation>
            <numerusform>Replaying %n event as %1...</numerusform>
            <numerusform>Replaying %n events as %1...</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>kept %n day(s)</source>
        <translation>
            <numerusform>kept %n day</numerusform>
            <numerusform>kept %n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Nimbus::CloudPanel</name>
    <message numerus="yes">
        <source>%1: %n message(s)</source>
        <translation>
            <numerusform>%1: %n message</numerusform>
            <numerusform>%1: %n messages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n object(s)</source>
        <translation>
            <numerusform>%1: %n object</numerusform>
            <numerusform>%1: %n objects</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n item(s)</source>
        <translation>
            <numerusform>%1: %n item</numerusform>
            <numerusform>%1: %n items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Nimbus::CommandLine</name>
    <message numerus="yes">
        <source>expected %n argument(s); see --help</source>
        <translation>
            <numerusform>expected %n argument; see --help</numerusform>
            <numerusform>expected %n arguments; see --help</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n node(s)</source>
        <translation>
            <numerusform>%1: %n node</numerusform>
            <numerusform>%1: %n nodes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n run(s), seed %1, %2 s</source>
        <translation>
            <numerusform>%n run, seed %1, %2 s</numerusform>
            <numerusform>%n runs, seed %1, %2 s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n scenario(s): %1 passed, %2 failed (%3 s)</source>
        <translation>
            <numerusform>%n scenario: %1 passed, %2 failed (%3 s)</numerusform>
            <numerusform>%n scenarios: %1 passed, %2 failed (%3 s)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 %2 in %3 ms, %n state transition(s)</source>
        <translation>
            <numerusform>%1 %2 in %3 ms, %n state transition</numerusform>
            <numerusform>%1 %2 in %3 ms, %n state transitions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Nimbus::Commands</name>
    <message numerus="yes">
        <source>Delete %n connection(s)</source>
        <translation>
            <numerusform>Delete %n connection</numerusform>
            <numerusform>Delete %n connections</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n node(s)</source>
        <translation>
            <numerusform>Delete %n node</numerusform>
            <numerusform>Delete %n nodes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Move %n node(s)</source>
        <translation>
            <numerusform>Move %n node</numerusform>
            <numerusform>Move %n nodes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Paste %n node(s)</source>
        <translation>
            <numerusform>Paste %n node</numerusform>
            <numerusform>Paste %n nodes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Nimbus::CostEngine</name>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 and %n more</numerusform>
            <numerusform>%1 and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 %L2 B (measured, %n run(s))</source>
        <translation>
            <numerusform>%1 %L2 B (measured, %n run)</numerusform>
            <numerusform>%1 %L2 B (measured, %n runs)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Container %1: %L2 requests a month of %L3 ms (%4), %L5 at once per instance, %Ln instance(s) at least: %L6 instance-hours of %L7 vCPU and %L8 MB.</source>
        <translation>
            <numerusform>Container %1: %L2 requests a month of %L3 ms (%4), %L5 at once per instance, %Ln instance at least: %L6 instance-hours of %L7 vCPU and %L8 MB.</numerusform>
            <numerusform>Container %1: %L2 requests a month of %L3 ms (%4), %L5 at once per instance, %Ln instances at least: %L6 instance-hours of %L7 vCPU and %L8 MB.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Container %1 would need more than its maximum of %n instance(s) in the busiest hours: requests beyond them wait.</source>
        <translation>
            <numerusform>Container %1 would need more than its maximum of %n instance in the busiest hours: requests beyond them wait.</numerusform>
            <numerusform>Container %1 would need more than its maximum of %n instances in the busiest hours: requests beyond them wait.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Nimbus::CostReport</name>
    <message numerus="yes">
        <source>only %n run(s): fewer than %1, a rough figure</source>
        <translation>
            <numerusform>only %n run: fewer than %1, a rough figure</numerusform>
            <numerusform>only %n runs: fewer than %1, a rough figure</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 ms at %2 MB, mean of %n local run(s)</source>
        <translation>
            <numerusform>%1 ms at %2 MB, mean of %n local run</numerusform>
            <numerusform>%1 ms at %2 MB, mean of %n local runs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Measured from %n local run(s).</source>
        <translation>
            <numerusform>Measured from %n local run.</numerusform>
            <numerusform>Measured from %n local runs.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n run(s)</source>
        <translation>
            <numerusform>%n run</numerusform>
            <numerusform>%n runs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Nimbus::CostView</name>
    <message numerus="yes">
        <source>Durations of %n function(s) taken from their local runs.</source>
        <translation>
            <numerusform>Duration of %n function taken from its local runs.</numerusform>
            <numerusform>Durations of %n functions taken from their local runs.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Nimbus::Database</name>
    <message numerus="yes">
        <source>a query needed more than %Ln steps and was stopped</source>
        <translation>
            <numerusform>a query needed more than %Ln steps and was stopped</numerusform>
            <numerusform>a query needed more than %Ln steps and was stopped</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Nimbus::EventArchive</name>
    <message numerus="yes">
        <source>%n archived event(s) of %1 dropped, older than its retention (%2 days)</source>
        <translation>
            <numerusform>%n archived event of %1 dropped, older than its retention (%2 days)</numerusform>
            <numerusform>%n archived events of %1 dropped, older than its retention (%2 days)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>replay of %n event(s) of %1 from %2 to %3</source>
        <translation>
            <numerusform>replay of %n event of %1 from %2 to %3</numerusform>
            <numerusform>replay of %n events of %1 from %2 to %3</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Nimbus::EventBus</name>
    <message numerus="yes">
        <source>PutEvents takes at most %n entries.</source>
        <translation>
            <numerusform>PutEvents takes at most %n entry.</numerusform>
            <numerusform>PutEvents takes at most %n entries.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Nimbus::ExportDialog</name>
    <message numerus="yes">
        <source>%n file(s) to write.</source>
        <translation>
            <numerusform>%n file to write.</numerusform>
            <numerusform>%n files to write.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) to write; code copied from %1.</source>
        <translation>
            <numerusform>%n file to write; code copied from %1.</numerusform>
            <numerusform>%n files to write; code copied from %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Export with %n Error(s)</source>
        <translation>
            <numerusform>&amp;Export with %n Error</numerusform>
            <numerusform>&amp;Export with %n Errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n other file(s) in the folder will not be touched.</source>
        <translation>
            <numerusform>%n other file in the folder will not be touched.</numerusform>
            <numerusform>%n other files in the folder will not be touched.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Nimbus::FindBar</name>
    <message numerus="yes">
        <source>%n replacement(s)</source>
        <translation>
            <numerusform>%n replacement</numerusform>
            <numerusform>%n replacements</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Nimbus::LocalCloud</name>
    <message numerus="yes">
        <source>%n message(s) not delivered (%1); moved to %2</source>
        <translation>
            <numerusform>%n message not delivered (%1); moved to %2</numerusform>
            <numerusform>%n messages not delivered (%1); moved to %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>message %1 to %n subscriber(s)</source>
        <translation>
            <numerusform>message %1 to %n subscriber</numerusform>
            <numerusform>message %1 to %n subscribers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) matched none of the filter criteria; deleted</source>
        <translation>
            <numerusform>%n message matched none of the filter criteria; deleted</numerusform>
            <numerusform>%n messages matched none of the filter criteria; deleted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) dropped, older than the retention period (%1 s)</source>
        <translation>
            <numerusform>%n message dropped, older than the retention period (%1 s)</numerusform>
            <numerusform>%n messages dropped, older than the retention period (%1 s)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n expired item(s) deleted</source>
        <translation>
            <numerusform>%n expired item deleted</numerusform>
            <numerusform>%n expired items deleted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>older than %n second(s)</source>
        <translation>
            <numerusform>older than %n second</numerusform>
            <numerusform>older than %n seconds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>retried %n time(s)</source>
        <translation>
            <numerusform>retried %n time</numerusform>
            <numerusform>retried %n times</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stream record(s) skipped by %1, %2</source>
        <translation>
            <numerusform>%n stream record skipped by %1, %2</numerusform>
            <numerusform>%n stream records skipped by %1, %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Nimbus::MainWindow</name>
    <message numerus="yes">
        <source>%n node(s)</source>
        <translation>
            <numerusform>%n node</numerusform>
            <numerusform>%n nodes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n connection(s)</source>
        <translation>
            <numerusform>%n connection</numerusform>
            <numerusform>%n connections</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %1: %n node(s); what the canvas does not show is kept for export</source>
        <translation>
            <numerusform>Imported %1: %n node; what the canvas does not show is kept for export</numerusform>
            <numerusform>Imported %1: %n nodes; what the canvas does not show is kept for export</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Connected %1 to what its states use (%n connection(s))</source>
        <translation>
            <numerusform>Connected %1 to what its states use (%n connection)</numerusform>
            <numerusform>Connected %1 to what its states use (%n connections)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 %2 %3: still used by %n state(s): %4</source>
        <translation>
            <numerusform>%1 %2 %3: still used by %n state: %4</numerusform>
            <numerusform>%1 %2 %3: still used by %n states: %4</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Nimbus::NotificationBar</name>
    <message numerus="yes">
        <source>(%n more before)</source>
        <translation>
            <numerusform>(%n more before)</numerusform>
            <numerusform>(%n more before)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Nimbus::PriceListUpdate</name>
    <message numerus="yes">
        <source>Prices of %1 (%2) updated from its price list: %n price(s) changed.</source>
        <translation>
            <numerusform>Prices of %1 (%2) updated from its price list: %n price changed.</numerusform>
            <numerusform>Prices of %1 (%2) updated from its price list: %n prices changed.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Nimbus::PriceUpdateDialog</name>
    <message numerus="yes">
        <source>%n price(s) would change. Nothing is kept until you choose Install.</source>
        <translation>
            <numerusform>%n price would change. Nothing is kept until you choose Install.</numerusform>
            <numerusform>%n prices would change. Nothing is kept until you choose Install.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Nimbus::PricingUpdater</name>
    <message numerus="yes">
        <source>Prices of %1 (%2) updated: collected %3, %n price(s), from %4.</source>
        <translation>
            <numerusform>Prices of %1 (%2) updated: collected %3, %n price, from %4.</numerusform>
            <numerusform>Prices of %1 (%2) updated: collected %3, %n prices, from %4.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Nimbus::PutEventView</name>
    <message numerus="yes">
        <source>One PutEvents entry (Source, DetailType, Detail, Resources, Time) or an array of up to %n, Detail as an object or its JSON text</source>
        <translation>
            <numerusform>One PutEvents entry (Source, DetailType, Detail, Resources, Time) or an array of up to %n, Detail as an object or its JSON text</numerusform>
            <numerusform>One PutEvents entry (Source, DetailType, Detail, Resources, Time) or an array of up to %n, Detail as an object or its JSON text</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Matched %n rule(s): %1</source>
        <translation>
            <numerusform>Matched %n rule: %1</numerusform>
            <numerusform>Matched %n rules: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Nimbus::RunPanel</name>
    <message numerus="yes">
        <source>%n line(s) differ.</source>
        <translation>
            <numerusform>%n line differs.</numerusform>
            <numerusform>%n lines differ.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s) of binary data</source>
        <translation>
            <numerusform>%n byte of binary data</numerusform>
            <numerusform>%n bytes of binary data</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cold Start (%n module(s))</source>
        <translation>
            <numerusform>Cold Start (%n module)</numerusform>
            <numerusform>Cold Start (%n modules)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n run(s) were left out of the run history: they came faster than the disk could keep them.</source>
        <translation>
            <numerusform>%n run was left out of the run history: runs came faster than the disk could keep them.</numerusform>
            <numerusform>%n runs were left out of the run history: they came faster than the disk could keep them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Nimbus::ScenarioScaffold</name>
    <message numerus="yes">
        <source>Scaffolded from the local cloud&apos;s log: %1, answered %2, and the %n hop(s) it caused.</source>
        <translation>
            <numerusform>Scaffolded from the local cloud&apos;s log: %1, answered %2, and the %n hop it caused.</numerusform>
            <numerusform>Scaffolded from the local cloud&apos;s log: %1, answered %2, and the %n hops it caused.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Nimbus::ScenariosDock</name>
    <message numerus="yes">
        <source>Runs %n time(s), each with its own seed</source>
        <translation>
            <numerusform>Runs %n time, each with its own seed</numerusform>
            <numerusform>Runs %n times, each with its own seed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>✓ %n run(s) passed</source>
        <translation>
            <numerusform>✓ %n run passed</numerusform>
            <numerusform>✓ %n runs passed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Nimbus::TrafficLayer</name>
    <message numerus="yes">
        <source>%Ln message(s) waiting</source>
        <translation>
            <numerusform>%Ln message waiting</numerusform>
            <numerusform>%Ln messages waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln item(s)</source>
        <translation>
            <numerusform>%Ln item</numerusform>
            <numerusform>%Ln items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln object(s)</source>
        <translation>
            <numerusform>%Ln object</numerusform>
            <numerusform>%Ln objects</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln invocation(s)</source>
        <translation>
            <numerusform>%Ln invocation</numerusform>
            <numerusform>%Ln invocations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln error(s)</source>
        <translation>
            <numerusform>%Ln error</numerusform>
            <numerusform>%Ln errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln request(s)</source>
        <translation>
            <numerusform>%Ln request</numerusform>
            <numerusform>%Ln requests</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln failed</source>
        <translation>
            <numerusform>%Ln failed</numerusform>
            <numerusform>%Ln failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln message(s) published</source>
        <translation>
            <numerusform>%Ln message published</numerusform>
            <numerusform>%Ln messages published</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>fired %Ln time(s)</source>
        <translation>
            <numerusform>fired %Ln time</numerusform>
            <numerusform>fired %Ln times</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Median duration of the last %Ln invocation(s): %1 ms</source>
        <translation>
            <numerusform>Median duration of the last %Ln invocation: %1 ms</numerusform>
            <numerusform>Median duration of the last %Ln invocations: %1 ms</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Nimbus::WorkflowRunPanel</name>
    <message numerus="yes">
        <source>Entered %n time(s)</source>
        <translation>
            <numerusform>Entered %n time</numerusform>
            <numerusform>Entered %n times</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Advanced time: %n wait(s) ended</source>
        <translation>
            <numerusform>Advanced time: %n wait ended</numerusform>
            <numerusform>Advanced time: %n waits ended</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Nimbus::Workload</name>
    <message numerus="yes">
        <source>measured over %n local execution(s)</source>
        <translation>
            <numerusform>measured over %n local execution</numerusform>
            <numerusform>measured over %n local executions</numerusform>
        </translation>
    </message>
</context>
</TS>
