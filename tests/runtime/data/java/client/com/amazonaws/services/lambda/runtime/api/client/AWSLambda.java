// A stand-in for Lambda's Java runtime interface client (the
// com.amazonaws:aws-lambda-java-runtime-interface-client jar from Maven Central, which the
// tests cannot download): the same entry point, started the same way (the handler as its
// argument, AWS_LAMBDA_RUNTIME_API in the environment), talking the Runtime API with the
// JDK's own HTTP client. It passes the event to package.Class::method as a String and
// sends back what the method returns; a thrown exception is reported to .../error.
package com.amazonaws.services.lambda.runtime.api.client;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

public final class AWSLambda {
    public static void main(String[] args) throws Exception {
        String api = "http://" + System.getenv("AWS_LAMBDA_RUNTIME_API") + "/2018-06-01/runtime";
        HttpClient http = HttpClient.newHttpClient();
        String[] handler = args[0].split("::");
        Class<?> type = Class.forName(handler[0]);
        Object target = type.getDeclaredConstructor().newInstance();
        Method method = type.getMethod(handler.length > 1 ? handler[1] : "handleRequest", String.class);
        while (true) {
            HttpResponse<String> next = http.send(HttpRequest.newBuilder(URI.create(api + "/invocation/next")).build(),
                                                  HttpResponse.BodyHandlers.ofString());
            String id = next.headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();
            HttpRequest answer;
            try {
                String result = (String) method.invoke(target, next.body());
                answer = HttpRequest.newBuilder(URI.create(api + "/invocation/" + id + "/response"))
                             .POST(HttpRequest.BodyPublishers.ofString(result))
                             .build();
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause();
                String error = "{\"errorType\":\"" + cause.getClass().getName() + "\",\"errorMessage\":\""
                               + cause.getMessage() + "\"}";
                answer = HttpRequest.newBuilder(URI.create(api + "/invocation/" + id + "/error"))
                             .header("Lambda-Runtime-Function-Error-Type", cause.getClass().getName())
                             .POST(HttpRequest.BodyPublishers.ofString(error))
                             .build();
            }
            http.send(answer, HttpResponse.BodyHandlers.discarding());
        }
    }
}
