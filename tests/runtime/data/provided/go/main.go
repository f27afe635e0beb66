// A Go function on the provided.al2023 runtime that talks to the Lambda Runtime API with
// the standard library only: echoes the event with its process id; {"fail":...} fails,
// {"sleep":N} sleeps N seconds.
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"time"
)

type request struct {
	Fail  bool `json:"fail"`
	Sleep int  `json:"sleep"`
}

func post(url string, body []byte, errorType string) {
	req, err := http.NewRequest(http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		panic(err)
	}
	if errorType != "" {
		req.Header.Set("Lambda-Runtime-Function-Error-Type", errorType)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		panic(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
}

func main() {
	api := "http://" + os.Getenv("AWS_LAMBDA_RUNTIME_API") + "/2018-06-01/runtime/invocation/"
	for {
		resp, err := http.Get(api + "next")
		if err != nil {
			panic(err)
		}
		event, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		id := resp.Header.Get("Lambda-Runtime-Aws-Request-Id")
		fmt.Printf("got event %s (deadline %s)\n", event, resp.Header.Get("Lambda-Runtime-Deadline-Ms"))
		var r request
		json.Unmarshal(event, &r)
		if r.Sleep > 0 {
			time.Sleep(time.Duration(r.Sleep) * time.Second)
		}
		if r.Fail {
			body, _ := json.Marshal(map[string]string{"errorMessage": "handler failed", "errorType": "HandlerError"})
			post(api+id+"/error", body, "HandlerError")
			continue
		}
		body, _ := json.Marshal(map[string]any{"pid": os.Getpid(), "event": json.RawMessage(event)})
		post(api+id+"/response", body, "")
	}
}
