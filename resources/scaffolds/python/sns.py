"""{{function}}: receives the notifications published to a topic."""


def {{handler}}(event, context):
    for record in event["Records"]:
        sns = record["Sns"]
        print(f"from {sns['TopicArn']}: {sns.get('Subject') or '(no subject)'} {sns['Message']}")
