// {{function}}: a Go function on Lambda's provided.al2023 runtime. Nimbus builds it with
// `go build -o bootstrap` (GOOS=linux, CGO_ENABLED=0) before it runs; deploy that same
// bootstrap. It talks to the Lambda Runtime API with the standard library only (the
// github.com/aws/aws-lambda-go module does the same, if you prefer it).
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
)

// handle is called with each event; what it returns is the invocation's result.
func handle(event json.RawMessage) (any, error) {
	fmt.Printf("%s received %s\n", os.Getenv("AWS_LAMBDA_FUNCTION_NAME"), event)
	return map[string]any{"ok": true}, nil
}

func main() {
	api := "http://" + os.Getenv("AWS_LAMBDA_RUNTIME_API") + "/2018-06-01/runtime/invocation/"
	for {
		// Waits for the next event.
		resp, err := http.Get(api + "next")
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		event, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		id := resp.Header.Get("Lambda-Runtime-Aws-Request-Id")

		result, err := handle(event)
		if err == nil {
			var body []byte
			if body, err = json.Marshal(result); err == nil {
				post(api+id+"/response", body, "")
				continue
			}
		}
		body, _ := json.Marshal(map[string]any{
			"errorMessage": err.Error(),
			"errorType":    fmt.Sprintf("%T", err),
			"stackTrace":   []string{},
		})
		post(api+id+"/error", body, "Unhandled")
	}
}

// post sends the invocation's response or error to the Runtime API.
func post(url string, body []byte, errorType string) {
	req, _ := http.NewRequest(http.MethodPost, url, bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if errorType != "" {
		req.Header.Set("Lambda-Runtime-Function-Error-Type", errorType)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
}
