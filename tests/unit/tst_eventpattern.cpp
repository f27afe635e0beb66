// The event pattern language against AWS's documented examples (EventBridge user guide,
// "Comparison operators" and "Content filtering"; the event-ruler README), matching and
// not matching, the errors EventBridge words, and the rule index against patterns tested
// one by one.

#include "cloud/eventpattern.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

using namespace Nimbus;

namespace {

// The EC2 state-change event the AWS examples use.
const char *const kEc2Event = R"({
  "version": "0", "id": "ddddd4-aaaa-7777-4444-345dd43cc333",
  "detail-type": "EC2 Instance State-change Notification", "source": "aws.ec2",
  "account": "012345679012", "time": "2017-10-02T16:24:49Z", "region": "us-east-1",
  "resources": ["arn:aws:ec2:us-east-1:123456789012:instance/i-000000aaaaaa00000"],
  "detail": {"c-count": 5, "d-count": 3, "x-limit": 301.8, "source-ip": "10.0.0.33",
             "instance-id": "i-000000aaaaaa00000", "state": "running"}})";

QJsonObject object(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad test JSON: %s in %s", qPrintable(error.errorString()), json.constData());
    return document.object();
}

} // namespace

class TestEventPattern : public QObject
{
    Q_OBJECT

private slots:
    void matches_data();
    void matches();
    void invalid_data();
    void invalid();
    void errorLocation_data();
    void errorLocation();
    void testEventPattern();
    void robustness();
    void ruleSetAgreesWithEachPattern();
    void ruleSetIndexesBySourceAndType();
};

void TestEventPattern::matches_data()
{
    QTest::addColumn<QByteArray>("pattern");
    QTest::addColumn<QByteArray>("event");
    QTest::addColumn<bool>("expected");
    const QByteArray ec2 = kEc2Event;
    auto row = [](const char *name, const char *pattern, const QByteArray &event, bool expected) {
        QTest::newRow(name) << QByteArray(pattern) << event << expected;
    };

    // Exact values, and all fields of a pattern together.
    row("exact", R"({"source": ["aws.ec2"]})", ec2, true);
    row("exact other value", R"({"source": ["aws.s3"]})", ec2, false);
    row("exact one of several", R"({"detail": {"state": ["initializing", "running"]}})", ec2, true);
    row("exact is case-sensitive", R"({"source": ["AWS.EC2"]})", ec2, false);
    row("and: all fields",
        R"({"detail-type": ["EC2 Instance State-change Notification"],
            "resources": ["arn:aws:ec2:us-east-1:123456789012:instance/i-000000aaaaaa00000"],
            "detail": {"state": ["initializing", "running"]}})",
        ec2, true);
    row("and: one field fails", R"({"source": ["aws.ec2"], "detail": {"state": ["stopped"]}})", ec2, false);
    row("missing field", R"({"detail": {"nothing": ["x"]}})", ec2, false);
    row("other fields ignored", R"({"region": ["us-east-1"]})", ec2, true);
    row("nested object needs object", R"({"source": {"x": ["aws.ec2"]}})", ec2, false);

    // Arrays in the event: any element.
    row("event array: any element", R"({"resources": ["b"]})", R"({"resources": ["a", "b", "c"]})", true);
    row("event array: no element", R"({"resources": ["d"]})", R"({"resources": ["a", "b", "c"]})", false);
    row("event array: nested arrays", R"({"r": [3]})", R"({"r": [[1, [2, 3]]]})", true);
    row("event array of objects", R"({"employees": {"firstName": ["Anna"]}})",
        R"({"employees": [{"firstName": "John", "lastName": "Doe"}, {"firstName": "Anna", "lastName": "Smith"}]})",
        true);
    row("array: fields from one element only", R"({"employees": {"firstName": ["Anna"], "lastName": ["Jones"]}})",
        R"({"employees": [{"firstName": "Anna", "lastName": "Smith"}, {"firstName": "Peter", "lastName": "Jones"}]})",
        false);
    row("array: both fields in one element", R"({"employees": {"firstName": ["Peter"], "lastName": ["Jones"]}})",
        R"({"employees": [{"firstName": "Anna", "lastName": "Smith"}, {"firstName": "Peter", "lastName": "Jones"}]})",
        true);
    row("array of arrays of objects", R"({"employees": {"firstName": ["Peter"]}})",
        R"({"employees": [[{"firstName": "John"}], [{"firstName": "Peter"}]]})", true);

    // Null values and empty strings (not interchangeable).
    const QByteArray nulls = R"({"detail": {"eventVersion": "", "responseElements": null}})";
    row("empty string", R"({"detail": {"eventVersion": [""]}})", nulls, true);
    row("null", R"({"detail": {"responseElements": [null]}})", nulls, true);
    row("empty string is not null", R"({"detail": {"responseElements": [""]}})", nulls, false);
    row("null is not empty string", R"({"detail": {"eventVersion": [null]}})", nulls, false);
    row("null is not absent", R"({"detail": {"other": [null]}})", nulls, false);
    row("true", R"({"flag": [true]})", R"({"flag": true})", true);
    row("true is not the string", R"({"flag": ["true"]})", R"({"flag": true})", false);
    row("false is not true", R"({"flag": [true]})", R"({"flag": false})", false);

    // Numbers compare as numbers.
    row("number", R"({"detail": {"c-count": [5]}})", ec2, true);
    row("number 1e2 = 100", R"({"n": [1e2]})", R"({"n": 100})", true);
    row("number 3.0 = 3", R"({"n": [3]})", R"({"n": 3.0})", true);
    row("number is not its string", R"({"n": [3]})", R"({"n": "3"})", false);
    row("string is not its number", R"({"n": ["3"]})", R"({"n": 3})", false);

    // prefix, suffix, with and without equals-ignore-case.
    row("prefix", R"({"time": [{"prefix": "2017-10-02"}]})", ec2, true);
    row("prefix no", R"({"time": [{"prefix": "2017-10-03"}]})", ec2, false);
    row("prefix only strings", R"({"n": [{"prefix": "1"}]})", R"({"n": 12})", false);
    row("prefix ignore case", R"({"detail": {"service": [{"prefix": {"equals-ignore-case": "EventB"}}]}})",
        R"({"detail": {"service": "eventbridge"}})", true);
    row("prefix ignore case upper", R"({"detail": {"service": [{"prefix": {"equals-ignore-case": "EventB"}}]}})",
        R"({"detail": {"service": "EVENTBRIDGE"}})", true);
    row("prefix ignore case no", R"({"detail": {"service": [{"prefix": {"equals-ignore-case": "EventB"}}]}})",
        R"({"detail": {"service": "Lambda"}})", false);
    row("prefix is case-sensitive", R"({"time": [{"prefix": "T"}]})", R"({"time": "t1"})", false);
    row("suffix", R"({"FileName": [{"suffix": ".png"}]})", R"({"FileName": "image.png"})", true);
    row("suffix no", R"({"FileName": [{"suffix": ".png"}]})", R"({"FileName": "image.PNG"})", false);
    row("suffix ignore case", R"({"detail": {"FileName": [{"suffix": {"equals-ignore-case": ".png"}}]}})",
        R"({"detail": {"FileName": "photo.PNG"}})", true);
    row("suffix ignore case no", R"({"detail": {"FileName": [{"suffix": {"equals-ignore-case": ".png"}}]}})",
        R"({"detail": {"FileName": "photo.jpg"}})", false);

    // equals-ignore-case.
    row("equals-ignore-case", R"({"detail-type": [{"equals-ignore-case": "ec2 instance state-change notification"}]})",
        ec2, true);
    row("equals-ignore-case no", R"({"detail-type": [{"equals-ignore-case": "ec2 instance"}]})", ec2, false);
    row("equals-ignore-case unicode", R"({"name": [{"equals-ignore-case": "ÉTÉ"}]})", R"({"name": "été"})", true);

    // wildcard.
    row("wildcard", R"({"EventBusArn": [{"wildcard": "arn:aws:events:us-east-1:*:event-bus/*"}]})",
        R"({"EventBusArn": "arn:aws:events:us-east-1:123456789012:event-bus/orders"})", true);
    row("wildcard other region", R"({"EventBusArn": [{"wildcard": "arn:aws:events:us-east-1:*:event-bus/*"}]})",
        R"({"EventBusArn": "arn:aws:events:eu-west-1:123456789012:event-bus/orders"})", false);
    row("wildcard middle", R"({"source": [{"wildcard": "Simple*Service"}]})", R"({"source": "SimpleQueueService"})",
        true);
    row("wildcard middle no", R"({"source": [{"wildcard": "Simple*Service"}]})", R"({"source": "SimpleQueueServices"})",
        false);
    row("wildcard star matches nothing", R"({"source": [{"wildcard": "Simple*Service"}]})",
        R"({"source": "SimpleService"})", true);
    row("wildcard overlap", R"({"k": [{"wildcard": "ab*ba"}]})", R"({"k": "aba"})", false);
    row("wildcard repeated parts", R"({"k": [{"wildcard": "*a*a*"}]})", R"({"k": "xaya"})", true);
    row("wildcard escaped star", R"({"k": [{"wildcard": "a\\*b"}]})", R"({"k": "a*b"})", true);
    row("wildcard escaped star is literal", R"({"k": [{"wildcard": "a\\*b"}]})", R"({"k": "axb"})", false);
    row("wildcard escaped backslash", R"({"k": [{"wildcard": "a\\\\*"}]})", R"({"k": "a\\zz"})", true);
    row("wildcard no star is exact", R"({"k": [{"wildcard": "abc"}]})", R"({"k": "abcd"})", false);
    row("wildcard star alone", R"({"k": [{"wildcard": "*"}]})", R"({"k": ""})", true);

    // anything-but.
    row("anything-but string", R"({"detail": {"state": [{"anything-but": "initializing"}]}})", ec2, true);
    row("anything-but string no", R"({"detail": {"state": [{"anything-but": "running"}]}})", ec2, false);
    row("anything-but number", R"({"detail": {"x-limit": [{"anything-but": 123}]}})", ec2, true);
    row("anything-but number no", R"({"detail": {"x-limit": [{"anything-but": 301.8}]}})", ec2, false);
    row("anything-but list", R"({"detail": {"state": [{"anything-but": ["stopped", "overloaded"]}]}})", ec2, true);
    row("anything-but list no", R"({"detail": {"state": [{"anything-but": ["stopped", "running"]}]}})", ec2, false);
    row("anything-but numbers", R"({"detail": {"x-limit": [{"anything-but": [100, 200, 300]}]}})", ec2, true);
    row("anything-but numbers no", R"({"x-limit": [{"anything-but": [100, 200, 300]}]})", R"({"x-limit": 2e2})", false);
    row("anything-but absent field", R"({"detail": {"nothing": [{"anything-but": "x"}]}})", ec2, false);
    row("anything-but prefix", R"({"detail": {"state": [{"anything-but": {"prefix": "init"}}]}})", ec2, true);
    row("anything-but prefix no", R"({"detail": {"state": [{"anything-but": {"prefix": "run"}}]}})", ec2, false);
    row("anything-but suffix", R"({"detail": {"FileName": [{"anything-but": {"suffix": ".txt"}}]}})",
        R"({"detail": {"FileName": "notes.png"}})", true);
    row("anything-but suffix no", R"({"detail": {"FileName": [{"anything-but": {"suffix": ".txt"}}]}})",
        R"({"detail": {"FileName": "notes.txt"}})", false);
    row("anything-but ignore case",
        R"({"detail": {"state": [{"anything-but": {"equals-ignore-case": ["Stopped", "OverLoaded"]}}]}})", ec2, true);
    row("anything-but ignore case no",
        R"({"detail": {"state": [{"anything-but": {"equals-ignore-case": ["Stopped", "RUNNING"]}}]}})", ec2, false);
    row("anything-but ignore case single", R"({"state": [{"anything-but": {"equals-ignore-case": "initializing"}}]})",
        R"({"state": "INITIALIZING"})", false);
    row("anything-but wildcard", R"({"detail": {"FilePath": [{"anything-but": {"wildcard": "*/lib/*"}}]}})",
        R"({"detail": {"FilePath": "/usr/bin/env"}})", true);
    row("anything-but wildcard no", R"({"detail": {"FilePath": [{"anything-but": {"wildcard": "*/lib/*"}}]}})",
        R"({"detail": {"FilePath": "/usr/lib/x.so"}})", false);
    row("anything-but wildcard list", R"({"p": [{"anything-but": {"wildcard": ["*/lib/*", "*.tmp"]}}]})",
        R"({"p": "a.tmp"})", false);
    row("anything-but array: any element", R"({"s": [{"anything-but": "a"}]})", R"({"s": ["a", "b"]})", true);
    row("anything-but array: all excluded", R"({"s": [{"anything-but": "a"}]})", R"({"s": ["a", "a"]})", false);

    // numeric.
    row("numeric range and equality",
        R"({"detail": {"c-count": [{"numeric": [">", 0, "<=", 5]}], "d-count": [{"numeric": ["<", 10]}],
                       "x-limit": [{"numeric": ["=", 3.018e2]}]}})",
        ec2, true);
    row("numeric closed top", R"({"n": [{"numeric": [">", 0, "<=", 5]}]})", R"({"n": 5})", true);
    row("numeric open top", R"({"n": [{"numeric": [">", 0, "<", 5]}]})", R"({"n": 5})", false);
    row("numeric open bottom", R"({"n": [{"numeric": [">", 0, "<", 5]}]})", R"({"n": 0})", false);
    row("numeric closed bottom", R"({"n": [{"numeric": [">=", 0, "<", 5]}]})", R"({"n": 0})", true);
    row("numeric >=", R"({"n": [{"numeric": [">=", 100]}]})", R"({"n": 100.0})", true);
    row("numeric >", R"({"n": [{"numeric": [">", 100]}]})", R"({"n": 100})", false);
    row("numeric <=", R"({"n": [{"numeric": ["<=", -1.5]}]})", R"({"n": -1.5})", true);
    row("numeric = exponent", R"({"price": [{"numeric": ["=", 301.5]}]})", R"({"price": 3.015e2})", true);
    row("numeric only numbers", R"({"n": [{"numeric": [">", 0]}]})", R"({"n": "5"})", false);
    row("numeric array element", R"({"n": [{"numeric": [">", 10]}]})", R"({"n": [1, 2, 30]})", true);
    row("numeric six decimals", R"({"n": [{"numeric": ["=", 3]}]})", R"({"n": 3.0000002})", true);
    row("numeric six decimals differ", R"({"n": [{"numeric": ["=", 3]}]})", R"({"n": 3.000002})", false);
    row("numeric limit", R"({"n": [{"numeric": ["<=", 5e9]}]})", R"({"n": 5000000000})", true);
    row("numeric beyond limit", R"({"n": [{"numeric": [">", 0]}]})", R"({"n": 6e9})", false);
    row("exact number beyond limit", R"({"account": [123456789012]})", R"({"account": 123456789012})", true);
    row("anything-but number beyond limit", R"({"n": [{"anything-but": 5}]})", R"({"n": 1e12})", true);
    row("numeric over 100 (the example's review rule)", R"({"detail": {"total": [{"numeric": [">", 100]}]}})",
        R"({"detail": {"total": 120.5}})", true);

    // exists.
    row("exists true", R"({"detail": {"state": [{"exists": true}]}})", ec2, true);
    row("exists true absent", R"({"detail": {"nothing": [{"exists": true}]}})", ec2, false);
    row("exists false", R"({"detail": {"nothing": [{"exists": false}]}})", ec2, true);
    row("exists false present", R"({"detail": {"state": [{"exists": false}]}})", ec2, false);
    row("exists false: no parent", R"({"detail": {"c-count": [{"exists": false}]}})", R"({"source": "x"})", true);
    row("exists false: object is no leaf", R"({"detail": {"c-count": [{"exists": false}]}})",
        R"({"detail": {"c-count": {"c1": 100}}})", true);
    row("exists true: object is no leaf", R"({"detail": {"c-count": [{"exists": true}]}})",
        R"({"detail": {"c-count": {"c1": 100}}})", false);
    row("exists true: null is present", R"({"v": [{"exists": true}]})", R"({"v": null})", true);
    row("exists false: empty array", R"({"v": [{"exists": false}]})", R"({"v": []})", true);
    row("exists true: empty array", R"({"v": [{"exists": true}]})", R"({"v": []})", false);
    row("exists or value", R"({"v": ["a", {"exists": false}]})", R"({"w": 1})", true);

    // cidr.
    row("cidr", R"({"detail": {"source-ip": [{"cidr": "10.0.0.0/24"}]}})", ec2, true);
    row("cidr no", R"({"detail": {"source-ip": [{"cidr": "10.0.1.0/24"}]}})", ec2, false);
    row("cidr /8", R"({"detail": {"source-ip": [{"cidr": "10.0.0.0/8"}]}})", ec2, true);
    row("cidr odd mask", R"({"ip": [{"cidr": "192.168.0.0/23"}]})", R"({"ip": "192.168.1.200"})", true);
    row("cidr odd mask no", R"({"ip": [{"cidr": "192.168.0.0/23"}]})", R"({"ip": "192.168.2.1"})", false);
    row("cidr /32", R"({"ip": [{"cidr": "192.168.0.7/32"}]})", R"({"ip": "192.168.0.7"})", true);
    row("cidr ipv6", R"({"ip": [{"cidr": "2001:db8::/64"}]})", R"({"ip": "2001:db8::1:2"})", true);
    row("cidr ipv6 no", R"({"ip": [{"cidr": "2001:db8::/64"}]})", R"({"ip": "2001:db9::1"})", false);
    row("cidr ipv4 is not ipv6", R"({"ip": [{"cidr": "::/0"}]})", R"({"ip": "10.0.0.1"})", false);
    row("cidr not an address", R"({"ip": [{"cidr": "10.0.0.0/8"}]})", R"({"ip": "10.0.0.256"})", false);
    row("cidr only strings", R"({"ip": [{"cidr": "10.0.0.0/8"}]})", R"({"ip": 10})", false);

    row("exact address, other spelling", R"({"ip": ["2001:db8::1"]})", R"({"ip": "2001:0db8:0:0:0:0:0:1"})", true);
    row("exact address, other address", R"({"ip": ["10.0.0.1"]})", R"({"ip": "10.0.0.2"})", false);
    row("exact address, same", R"({"ip": ["10.0.0.1"]})", R"({"ip": "10.0.0.1"})", true);

    // $or.
    const char *metric = R"({"source": ["aws.cloudwatch"], "$or": [{"metricName": ["CPUUtilization", "ReadLatency"]},
                                                                   {"namespace": ["AWS/EC2", "AWS/ES"]}]})";
    row("$or first", metric, R"({"source": "aws.cloudwatch", "metricName": "ReadLatency"})", true);
    row("$or second", metric, R"({"source": "aws.cloudwatch", "namespace": "AWS/ES"})", true);
    row("$or neither", metric, R"({"source": "aws.cloudwatch", "namespace": "AWS/S3"})", false);
    row("$or and the rest", metric, R"({"source": "aws.s3", "namespace": "AWS/ES"})", false);
    row("$or nested in detail",
        R"({"detail": {"$or": [{"c-count": [{"numeric": [">", 0, "<=", 5]}]}, {"d-count": [{"numeric": ["<", 10]}]},
                               {"x-limit": [{"numeric": ["=", 3.018e2]}]}]}})",
        R"({"detail": {"c-count": 50, "d-count": 30, "x-limit": 301.8}})", true);
    const char *nested = R"({"source": ["aws.cloudwatch"], "$or": [
        {"metricName": ["CPUUtilization"]},
        {"metricType": ["MetricType"], "namespace": ["AWS/EC2"], "$or": [{"metricId": [1234]}, {"spaceId": [1000]}]},
        {"scope": ["Service"]}]})";
    row("$or nested: inner branch", nested,
        R"({"source": "aws.cloudwatch", "metricType": "MetricType", "namespace": "AWS/EC2", "spaceId": 1000})", true);
    row("$or nested: inner fails", nested,
        R"({"source": "aws.cloudwatch", "metricType": "MetricType", "namespace": "AWS/EC2", "spaceId": 1})", false);
    row("$or parallel", R"({"$or": [{"a": [1]}, {"b": [1]}], "detail": {"$or": [{"c": [1]}, {"d": [1]}]}})",
        R"({"b": 1, "detail": {"d": 1}})", true);
    row("$or parallel one fails", R"({"$or": [{"a": [1]}, {"b": [1]}], "detail": {"$or": [{"c": [1]}, {"d": [1]}]}})",
        R"({"b": 1, "detail": {"e": 1}})", false);
    row("$or with exists false", R"({"$or": [{"a": [{"exists": false}]}, {"b": [1]}]})", R"({"c": 1})", true);

    // Several operators in one leaf: any.
    row("mixed leaf", R"({"v": [{"prefix": "x"}, {"numeric": [">", 3]}, "exact"]})", R"({"v": 4})", true);
    row("mixed leaf none", R"({"v": [{"prefix": "x"}, {"numeric": [">", 3]}, "exact"]})", R"({"v": "y"})", false);

    // The complex example of the event-ruler README.
    row("complex",
        R"({"time": [{"prefix": "2017-10-02"}],
            "detail": {"state": [{"anything-but": "initializing"}], "c-count": [{"numeric": [">", 0, "<=", 5]}],
                       "d-count": [{"numeric": ["<", 10]}], "x-limit": [{"anything-but": [100, 200, 300]}],
                       "source-ip": [{"cidr": "10.0.0.0/8"}]}})",
        ec2, true);
}

void TestEventPattern::matches()
{
    QFETCH(QByteArray, pattern);
    QFETCH(QByteArray, event);
    QFETCH(bool, expected);
    const Result<EventPattern> compiled = EventPattern::parse(pattern);
    QVERIFY2(compiled, qPrintable(compiled.errorMessage()));
    QCOMPARE(compiled->matches(object(event)), expected);
    // A copy shares the tree and answers alike.
    const EventPattern copy = *compiled;
    QCOMPARE(copy.matches(object(event)), expected);
}

void TestEventPattern::invalid_data()
{
    QTest::addColumn<QByteArray>("pattern");
    QTest::addColumn<QString>("reason");
    auto row = [](const char *name, const QByteArray &pattern, const char *reason) {
        QTest::newRow(name) << pattern << QString::fromUtf8(reason);
    };
    row("not an object", "[1]", "Filter is not an object");
    row("leaf not an array", R"({"detail": {"pipeline": {"slug": "some-pipeline"}}})",
        "\"slug\" must be an object or an array");
    row("leaf number", R"({"source": 5})", "\"source\" must be an object or an array");
    row("empty object", R"({"detail": {}})", "Empty objects are not allowed");
    row("empty top", "{}", "Empty objects are not allowed");
    row("empty array", R"({"source": []})", "Empty arrays are not allowed");
    row("array in leaf", R"({"source": [["a"]]})", "Match value must be String, number, true, false, or null");
    row("unknown operator", R"({"source": [{"contains": "ec2"}]})", "Unrecognized match type contains");
    row("two keys", R"({"source": [{"prefix": "a", "suffix": "b"}]})", "Only one key allowed in match expression");
    row("empty match expression", R"({"source": [{}]})", "Match expression name not found");
    row("prefix number", R"({"source": [{"prefix": 5}]})", "prefix match pattern must be a string");
    row("suffix inner unknown", R"({"source": [{"suffix": {"wildcard": "x"}}]})",
        "Unsupported suffix pattern: wildcard");
    row("equals-ignore-case number", R"({"source": [{"equals-ignore-case": 5}]})",
        "equals-ignore-case match pattern must be a string");
    row("numeric not array", R"({"n": [{"numeric": 5}]})", "Value of numeric must be an array.");
    row("numeric bad operator", R"({"n": [{"numeric": ["!=", 5]}]})", "Unrecognized numeric range operator: !=");
    row("numeric value not number", R"({"n": [{"numeric": [">", "5"]}]})", "Value of > must be numeric");
    row("numeric = string", R"({"n": [{"numeric": ["=", "5"]}]})", "Value of equals must be numeric");
    row("numeric first not operator", R"({"n": [{"numeric": [5, ">"]}]})",
        "Invalid member in numeric match: [5,\">\"]");
    row("numeric too many", R"({"n": [{"numeric": ["<", 5, ">", 1]}]})", "Too many elements in numeric expression");
    row("numeric bad second", R"({"n": [{"numeric": [">", 5, ">", 1]}]})", "Bad numeric range operator: >");
    row("numeric second not string", R"({"n": [{"numeric": [">", 5, 6]}]})", "Bad value in numeric range: 6");
    row("numeric top missing", R"({"n": [{"numeric": [">", 5, "<"]}]})", "Value of < must be numeric");
    row("numeric terms", R"({"n": [{"numeric": [">", 5, "<", 9, 1]}]})", "Too many terms in numeric range expression");
    row("numeric inverted", R"({"n": [{"numeric": [">", 5, "<", 1]}]})", "Bottom must be less than top");
    row("numeric beyond limit", R"({"n": [{"numeric": [">", 5000000001]}]})",
        "Value must be between -5.0E9 and 5.0E9, inclusive");
    row("numeric top beyond limit", R"({"n": [{"numeric": [">", 0, "<", -6e9]}]})",
        "Value must be between -5.0E9 and 5.0E9, inclusive");
    row("anything-but beyond limit", R"({"n": [{"anything-but": [1, 1e10]}]})",
        "Value must be between -5.0E9 and 5.0E9, inclusive");
    row("exists string", R"({"n": [{"exists": "yes"}]})", "exists match pattern must be either true or false.");
    row("cidr no slash", R"({"ip": [{"cidr": "10.0.0.0"}]})", "Malformed CIDR, one '/' required");
    row("cidr bad mask", R"({"ip": [{"cidr": "10.0.0.0/x"}]})", "Malformed CIDR, mask bits must be an integer");
    row("cidr negative mask", R"({"ip": [{"cidr": "10.0.0.0/-1"}]})", "Malformed CIDR, mask bits must not be negative");
    row("cidr bad address", R"({"ip": [{"cidr": "10.0.0.300/8"}]})", "Invalid IP address: 10.0.0.300");
    row("cidr ipv4 mask", R"({"ip": [{"cidr": "10.0.0.0/33"}]})", "IPv4 mask bits must be at most 32");
    row("cidr ipv6 mask", R"({"ip": [{"cidr": "::/129"}]})", "IPv6 mask bits must be at most 128");
    row("cidr number", R"({"ip": [{"cidr": 10}]})", "cidr match pattern must be a string");
    row("wildcard consecutive", R"({"k": [{"wildcard": "a**b"}]})", "Consecutive wildcard characters at pos 1");
    row("wildcard bad escape", R"({"k": [{"wildcard": "a\\b"}]})", "Invalid escape character at pos 1");
    row("wildcard trailing backslash", R"({"k": [{"wildcard": "ab\\"}]})", "Invalid escape character at pos 2");
    row("anything-but object", R"({"s": [{"anything-but": {"numeric": [">", 1]}}]})",
        "Unsupported anything-but pattern: numeric");
    row("anything-but empty prefix", R"({"s": [{"anything-but": {"prefix": ""}}]})", "Null prefix/suffix not allowed");
    row("anything-but prefix number", R"({"s": [{"anything-but": {"prefix": 1}}]})",
        "prefix/suffix match pattern must be a string");
    row("anything-but mixed list", R"({"s": [{"anything-but": ["a", 1]}]})",
        "Inside anything but list, either all values are number or string, mixed type is not supported");
    row("anything-but empty list", R"({"s": [{"anything-but": []}]})",
        "Inside anything but list, either all values are number or string, mixed type is not supported");
    row("anything-but null in list", R"({"s": [{"anything-but": [null]}]})",
        "Inside anything but list, start|null|boolean is not supported.");
    row("anything-but boolean", R"({"s": [{"anything-but": true}]})",
        "Value of anything-but must be an array or single string/number value.");
    row("anything-but ignore case number", R"({"s": [{"anything-but": {"equals-ignore-case": [1]}}]})",
        "Inside anything-but/equals-ignore-case list, number|start|null|boolean is not supported.");
    row("anything-but wildcard bad", R"({"s": [{"anything-but": {"wildcard": "**"}}]})",
        "Consecutive wildcard characters at pos 0");
    row("$or one object", R"({"$or": [{"a": [1]}]})", "There must have at least 2 Objects in $or relationship.");
    row("$or empty", R"({"$or": []})", "There must have at least 2 Objects in $or relationship.");
    row("$or not array", R"({"$or": {"a": [1]}})", "It must be an Array followed with $or.");
    row("$or with a value", R"({"$or": [{"a": [1]}, "b"]})",
        "Only JSON object is allowed in array of $or relationship.");
    row("$or reserved name", R"({"$or": [{"a": [1]}, {"numeric": [1]}]})",
        "numeric is Ruler reserved fieldName which cannot be used inside $or.");
    row("$or bad branch", R"({"$or": [{"a": [1]}, {"b": []}]})", "Empty arrays are not allowed");
    row("not JSON", R"({"source": ["a")", "at [Source: (String)\"{\"source\": [\"a\"\"; line: 1, column: ");
    row("too large", "{\"source\": [\"" + QByteArray(2100, 'a') + "\"]}", "characters long; the maximum is 2048");
}

void TestEventPattern::invalid()
{
    QFETCH(QByteArray, pattern);
    QFETCH(QString, reason);
    const Result<EventPattern> compiled = EventPattern::parse(pattern);
    QVERIFY(!compiled);
    QVERIFY2(compiled.errorMessage().startsWith(QStringLiteral("Event pattern is not valid. Reason: ")),
             qPrintable(compiled.errorMessage()));
    QVERIFY2(compiled.errorMessage().contains(reason), qPrintable(compiled.errorMessage()));
}

void TestEventPattern::errorLocation_data()
{
    QTest::addColumn<QByteArray>("pattern");
    QTest::addColumn<QString>("where");
    // The example of a wrong pattern EventBridge answers with "line: 5, column: 16".
    QTest::newRow("string for an array") << QByteArray(
        "{\n  \"detail-type\": [ \"Build Started\", \"Build Finished\" ],\n"
        "  \"detail\": {\n    \"pipeline\": {\n      \"slug\": "
        "\"some-pipeline\"\n    }\n  }\n}")
                                         << "line: 5, column: 16]";
    QTest::newRow("operator in an array") << QByteArray("{\"a\": [1,\n  {\"nope\": 1}]}") << "line: 2, column: 4]";
    QTest::newRow("in $or") << QByteArray("{\"$or\": [{\"a\": [1]},\n{\"b\": []}]}") << "line: 2, column: 8]";
    QTest::newRow("escaped key") << QByteArray(R"({"x\"y": {"z": 5}})") << "line: 1, column: 17]";
    QTest::newRow("whole pattern") << QByteArray("{}") << "line: 1, column: 2]";
    QTest::newRow("long pattern") << "{\"s\": [\"" + QByteArray(600, 'x') + "\"], \"t\": 1}"
                                  << "\"[truncated 119 chars]; line: 1, column: 619]";
}

void TestEventPattern::errorLocation()
{
    QFETCH(QByteArray, pattern);
    QFETCH(QString, where);
    const Result<EventPattern> compiled = EventPattern::parse(pattern);
    QVERIFY(!compiled);
    QVERIFY2(compiled.errorMessage().endsWith(where), qPrintable(compiled.errorMessage()));
}

void TestEventPattern::testEventPattern()
{
    const Result<bool> yes = EventPattern::test(R"({"source": ["aws.ec2"]})", kEc2Event);
    QVERIFY(yes);
    QVERIFY(*yes);
    const Result<bool> no = EventPattern::test(R"({"source": ["aws.s3"]})", kEc2Event);
    QVERIFY(no);
    QVERIFY(!*no);
    const Result<bool> badPattern = EventPattern::test(R"({"source": "aws.s3"})", kEc2Event);
    QVERIFY(!badPattern);
    QCOMPARE(badPattern.errorMessage(),
             QStringLiteral("Event pattern is not valid. Reason: \"source\" must be an object or an array at [Source: "
                            "(String)\"{\"source\": \"aws.s3\"}\"; line: 1, column: 13]"));
    const Result<bool> badEvent = EventPattern::test(R"({"source": ["aws.s3"]})", "[1, 2]");
    QVERIFY(!badEvent);
    QVERIFY(badEvent.errorMessage().startsWith("Parameter Event is not valid"));
    QJsonObject partial = object(kEc2Event);
    partial.remove("resources");
    const Result<bool> noResources = EventPattern::test(R"({"source": ["aws.ec2"]})",
                                                        QJsonDocument(partial).toJson(QJsonDocument::Compact));
    QVERIFY(!noResources);
    QVERIFY2(noResources.errorMessage().contains("\"resources\""), qPrintable(noResources.errorMessage()));
    // A pattern given as an object is held to the same size.
    QJsonObject big{{QStringLiteral("source"), QJsonArray{QString(3000, QLatin1Char('x'))}}};
    QVERIFY(!EventPattern::fromObject(big));
    QVERIFY(EventPattern::fromObject(big, 4096));
}

void TestEventPattern::robustness()
{
    // Nesting as deep as the size limit allows, in the pattern and in the event.
    QByteArray pattern = R"(["x"])";
    QByteArray event = R"("x")";
    int depth = 0;
    while (pattern.size() + 8 < EventPattern::kMaxLength) {
        pattern = "{\"a\":" + pattern + "}";
        event = "{\"a\":" + event + "}";
        ++depth;
    }
    QVERIFY(depth > 300);
    const Result<EventPattern> deep = EventPattern::parse(pattern);
    QVERIFY2(deep, qPrintable(deep.errorMessage()));
    QVERIFY(deep->matches(object(event)));
    QVERIFY(!deep->matches(object(R"({"a": {"a": "x"}})")));

    // Deeper than any text can say, built in code.
    QJsonObject tooDeep{{QStringLiteral("a"), QJsonArray{1}}};
    for (int i = 0; i < 1100; ++i)
        tooDeep = QJsonObject{{QStringLiteral("a"), tooDeep}};
    const Result<EventPattern> refused = EventPattern::fromObject(tooDeep, 1 << 20);
    QVERIFY(!refused);
    QVERIFY2(refused.errorMessage().contains("nested more than 1024 deep"), qPrintable(refused.errorMessage()));

    // Huge arrays, and arrays nested deeper than anything looks.
    QJsonArray huge;
    for (int i = 0; i < 200000; ++i)
        huge.append(i);
    const Result<EventPattern> numeric = EventPattern::parse(R"({"v": [{"numeric": [">=", 199999]}]})");
    QVERIFY(numeric);
    QVERIFY(numeric->matches(QJsonObject{{QStringLiteral("v"), huge}}));
    QJsonArray nestedArrays{QStringLiteral("x")};
    for (int i = 0; i < 2000; ++i)
        nestedArrays = QJsonArray{nestedArrays};
    const QJsonObject nestedEvent{{QStringLiteral("v"), nestedArrays}};
    for (const char *text : {R"({"v": ["x"]})", R"({"v": {"w": ["x"]}})", R"({"v": [{"exists": false}]})"}) {
        const Result<EventPattern> p = EventPattern::parse(text);
        QVERIFY(p);
        p->matches(nestedEvent); // any answer; no crash
    }
    RuleSet rules;
    rules.add(*EventPattern::parse(R"({"v": ["x"]})"));
    rules.matching(nestedEvent);

    // A long wildcard against a long value.
    const QByteArray glob = "{\"k\": [{\"wildcard\": \"" + QByteArray("a*").repeated(500) + "b\"}]}";
    const Result<EventPattern> wildcard = EventPattern::parse(glob);
    QVERIFY(wildcard);
    QVERIFY(!wildcard->matches(QJsonObject{{QStringLiteral("k"), QString(100000, QLatin1Char('a'))}}));
}

namespace {

QJsonObject randomPattern(QRandomGenerator &random)
{
    static const QStringList sources{"shop.orders", "shop.payments", "aws.ec2", "aws.s3", "billing"};
    static const QStringList types{"Order Placed", "Order Shipped", "Payment Failed", "Object Created"};
    QJsonObject pattern;
    const int shape = random.bounded(6);
    if (shape != 5) {
        QJsonArray values{sources.at(random.bounded(sources.size()))};
        if (random.bounded(3) == 0)
            values.append(sources.at(random.bounded(sources.size())));
        pattern.insert(QStringLiteral("source"), values);
    }
    if (shape >= 2)
        pattern.insert(QStringLiteral("detail-type"), QJsonArray{types.at(random.bounded(types.size()))});
    QJsonObject detail;
    switch (random.bounded(5)) {
    case 0:
        detail.insert(QStringLiteral("total"),
                      QJsonArray{QJsonObject{{QStringLiteral("numeric"), QJsonArray{">", random.bounded(200)}}}});
        break;
    case 1:
        detail.insert(QStringLiteral("region"),
                      QJsonArray{QJsonObject{{QStringLiteral("prefix"), random.bounded(2) ? "eu-" : "us-"}}});
        break;
    case 2:
        detail.insert(QStringLiteral("tags"),
                      QJsonArray{QJsonObject{{QStringLiteral("anything-but"), QJsonArray{"test", "dev"}}}});
        break;
    case 3: detail.insert(QStringLiteral("coupon"), QJsonArray{QJsonObject{{QStringLiteral("exists"), false}}}); break;
    default: break;
    }
    if (!detail.isEmpty())
        pattern.insert(QStringLiteral("detail"), detail);
    if (pattern.isEmpty())
        pattern.insert(QStringLiteral("account"), QJsonArray{"111", "222"});
    return pattern;
}

QJsonObject randomEvent(QRandomGenerator &random)
{
    static const QStringList sources{"shop.orders", "shop.payments", "aws.ec2", "aws.s3", "billing", "other"};
    static const QStringList types{"Order Placed", "Order Shipped", "Payment Failed", "Object Created"};
    QJsonObject detail{{QStringLiteral("total"), random.bounded(300)},
                       {QStringLiteral("region"), random.bounded(2) ? "eu-west-1" : "us-east-1"}};
    if (random.bounded(2))
        detail.insert(QStringLiteral("coupon"), "C1");
    if (random.bounded(2))
        detail.insert(QStringLiteral("tags"), QJsonArray{"prod", random.bounded(2) ? "dev" : "live"});
    QJsonObject event{{QStringLiteral("detail-type"), types.at(random.bounded(types.size()))},
                      {QStringLiteral("account"), random.bounded(2) ? "111" : "333"},
                      {QStringLiteral("detail"), detail}};
    // Sometimes a list of sources, or none.
    const int source = random.bounded(10);
    if (source == 0)
        event.insert(QStringLiteral("source"), QJsonArray{sources.at(random.bounded(sources.size())), "aws.s3"});
    else if (source != 1)
        event.insert(QStringLiteral("source"), sources.at(random.bounded(sources.size())));
    return event;
}

} // namespace

void TestEventPattern::ruleSetAgreesWithEachPattern()
{
    QRandomGenerator random(22);
    RuleSet rules;
    for (int i = 0; i < 400; ++i) {
        const Result<EventPattern> pattern = EventPattern::fromObject(randomPattern(random));
        QVERIFY2(pattern, qPrintable(pattern.errorMessage()));
        QCOMPARE(rules.add(*pattern), i);
    }
    int matched = 0;
    for (int e = 0; e < 3000; ++e) {
        const QJsonObject event = randomEvent(random);
        QList<int> expected;
        for (int i = 0; i < rules.size(); ++i) {
            if (rules.pattern(i).matches(event))
                expected.append(i);
        }
        const QList<int> found = rules.matching(event);
        if (found != expected)
            QFAIL(qPrintable(QStringLiteral("event %1: %2")
                                 .arg(QString::fromUtf8(QJsonDocument(event).toJson(QJsonDocument::Compact)))
                                 .arg(e)));
        matched += int(found.size());
    }
    QVERIFY(matched > 1000); // the corpus does exercise matches
}

void TestEventPattern::ruleSetIndexesBySourceAndType()
{
    const Result<EventPattern> both = EventPattern::parse(R"({"detail-type": ["A"], "source": ["s"]})");
    QVERIFY(both);
    QCOMPARE(both->keyFields(), (QStringList{"source", "detail-type"}));
    QCOMPARE(both->keyValues("source"), QList<QString>{QStringLiteral("s")});
    QCOMPARE(both->keyValues("detail-type"), QList<QString>{QStringLiteral("A")});
    const Result<EventPattern> type = EventPattern::parse(R"({"account": ["1"], "detail-type": ["A", "B"]})");
    QCOMPARE(type->keyFields(), (QStringList{"detail-type", "account"}));
    const Result<EventPattern> none = EventPattern::parse(R"({"source": [{"prefix": "s"}]})");
    QVERIFY(none->keyFields().isEmpty());
    const Result<EventPattern> mixed = EventPattern::parse(R"({"source": ["s", {"exists": false}]})");
    QVERIFY(mixed->keyFields().isEmpty());

    RuleSet rules;
    rules.add(*both);
    rules.add(*none);
    rules.add(*mixed);
    QCOMPARE(rules.matching(object(R"({"source": "s", "detail-type": "A"})")), (QList<int>{0, 1, 2}));
    QCOMPARE(rules.matching(object(R"({"source": "sx", "detail-type": "A"})")), (QList<int>{1}));
    QCOMPARE(rules.matching(object(R"({"detail-type": "A"})")), (QList<int>{2}));
    // Several values on both sides of a composite key.
    rules.add(*EventPattern::parse(R"({"source": ["s", "t"], "detail-type": ["A", "B"]})"));
    QCOMPARE(rules.matching(object(R"({"source": ["x", "t"], "detail-type": "B"})")), (QList<int>{3}));
    QCOMPARE(rules.matching(object(R"({"source": ["x", "t"], "detail-type": "C"})")), (QList<int>{}));
}

QTEST_GUILESS_MAIN(TestEventPattern)
#include "tst_eventpattern.moc"
