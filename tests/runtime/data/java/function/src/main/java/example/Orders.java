package example;

// A handler as a user writes it; the test compiles it into target/classes as Maven does.
public class Orders {
    public String handle(String event) {
        if (event.contains("\"fail\":true"))
            throw new IllegalStateException("handler failed");
        System.out.println("got event " + event);
        return "{\"event\":" + event + ",\"java\":\"" + System.getProperty("java.version") + "\",\"heap\":"
            + Runtime.getRuntime().maxMemory() / (1024 * 1024) + "}";
    }
}
