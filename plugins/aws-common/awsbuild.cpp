#include "awsbuild.h"

#include "awscommon.h"

using namespace Qt::StringLiterals;

namespace Nimbus::Aws {

std::optional<BuildStep> buildStep(const ExportFunction &function)
{
    const bool arm = lambdaArchitecture(function.architecture) == "arm64"_L1;
    if (function.goSource) {
        // As AWS documents for provided.al2023: a static Linux binary named bootstrap.
        return BuildStep{
            u"GOOS=linux GOARCH=%1 CGO_ENABLED=0 go build -tags lambda.norpc -o \"$OUT/bootstrap\" ."_s.arg(
                arm ? u"arm64"_s : u"amd64"_s),
            u"**/*.{go,mod,sum}"_s, u"go"_s};
    }
    if (function.runtime.startsWith("java"_L1)) {
        // Lambda's Java zip: the classes at the root, the jars in lib/.
        return BuildStep{
            u"mvn -q package dependency:copy-dependencies -DincludeScope=runtime && cp -R target/classes/. "
            "\"$OUT/\" && mkdir -p \"$OUT/lib\" target/dependency && find target/dependency -name '*.jar' -exec cp {} "
            "\"$OUT/lib/\" \\;"_s,
            u"{pom.xml,src/**}"_s, u"mvn"_s};
    }
    if (function.runtime.startsWith("dotnet"_L1)) {
        return BuildStep{u"dotnet publish -c Release -r %1 --self-contained false -o \"$OUT\""_s.arg(
                             arm ? u"linux-arm64"_s : u"linux-x64"_s),
                         u"{*.cs,*.csproj,src/**/*.cs}"_s, u"dotnet"_s};
    }
    return std::nullopt;
}

} // namespace Nimbus::Aws
