using Amazon.Lambda.Core;

[assembly: LambdaSerializer(typeof(Amazon.Lambda.Serialization.SystemTextJson.DefaultLambdaJsonSerializer))]

namespace {{namespace}};

// {{function}}: Lambda calls {{handler}} with the event deserialized to a dictionary and
// returns the dictionary as JSON. Build with `dotnet publish -c Release`: Nimbus runs the
// published assembly with Amazon.Lambda.RuntimeSupport, as Lambda's dotnet8 runtime does.
public class {{class}}
{
    public Dictionary<string, object> {{handler}}(Dictionary<string, object> input, ILambdaContext context)
    {
        context.Logger.LogInformation($"event: {input.Count} fields");
        return new Dictionary<string, object>
        {
            ["statusCode"] = 200,
            ["body"] = "{\"message\":\"hello from {{function}}\"}",
        };
    }
}
