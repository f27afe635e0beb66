package {{package}};

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.util.HashMap;
import java.util.Map;

// {{function}}: Lambda calls {{handler}} with the event as a Map and returns the Map as JSON.
// Build with `mvn package` (pom.xml): Nimbus runs target/classes with the jars Maven copies
// to target/dependency, among them the runtime interface client that talks to the local
// Runtime API as Lambda's Java runtime does.
public class {{class}} {
    public Map<String, Object> {{handler}}(Map<String, Object> event, Context context) {
        LambdaLogger logger = context.getLogger();
        logger.log("event: " + event);
        Map<String, Object> result = new HashMap<>();
        result.put("statusCode", 200);
        result.put("body", "{\"message\":\"hello from {{function}}\"}");
        return result;
    }
}
