"""Consumers of one FIFO queue at once through boto3 (threads, a client each): the
script sends GROUPS x PER_GROUP messages (bodies "group:index"), then CONSUMERS
threads receive and delete them in parallel, holding each batch a moment. It fails
(exit 1) when a consumer gets a message of a group another consumer holds, or a
group's bodies arrive out of order or twice:
    python3 fifo_consumers.py QUEUE_URL GROUPS PER_GROUP CONSUMERS"""
import os
import random
import sys
import threading
import time

import boto3

url = sys.argv[1]
group_count, per_group, consumer_count = (int(a) for a in sys.argv[2:5])


def client():
    return boto3.client("sqs", endpoint_url=os.environ["NIMBUS_AWS_ENDPOINT"], region_name="us-east-1",
                        aws_access_key_id="local", aws_secret_access_key="local")


groups = [f"group-{g}" for g in range(group_count)]
entries = [{"Id": f"{g}-{i}", "MessageBody": f"{g}:{i}", "MessageGroupId": g, "MessageDeduplicationId": f"{g}-{i}"}
           for i in range(per_group) for g in groups]
sender = client()
for at in range(0, len(entries), 10):
    sent = sender.send_message_batch(QueueUrl=url, Entries=entries[at:at + 10])
    assert len(sent["Successful"]) == len(entries[at:at + 10]), sent.get("Failed")

lock = threading.Lock()
holder = {}
arrived = {g: [] for g in groups}
deleted = [0]
problems = []


def consume(me):
    sqs = client()
    while deleted[0] < len(entries) and not problems:
        got = sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=random.randint(1, 10),
                                  AttributeNames=["All"]).get("Messages", [])
        if not got:
            time.sleep(0.002)
            continue
        with lock:
            for m in got:
                group, index = m["Body"].split(":")
                if m["Attributes"]["MessageGroupId"] != group:
                    problems.append(f"{m['Body']} carries the group {m['Attributes']['MessageGroupId']}")
                if holder.get(group, me) != me:
                    problems.append(f"consumer {me} got {m['Body']} while consumer {holder[group]} holds {group}")
                holder[group] = me
                arrived[group].append(int(index))
        time.sleep(random.random() * 0.004)
        with lock:
            # Let go of the groups before deleting: once deleted, another consumer may get them.
            for m in got:
                holder.pop(m["Body"].split(":")[0], None)
        done = sqs.delete_message_batch(QueueUrl=url, Entries=[
            {"Id": f"d{i}", "ReceiptHandle": m["ReceiptHandle"]} for i, m in enumerate(got)])
        with lock:
            if len(done["Successful"]) != len(got):
                problems.append(f"deleting failed: {done.get('Failed')}")
            deleted[0] += len(got)


threads = [threading.Thread(target=consume, args=(me,)) for me in range(consumer_count)]
for t in threads:
    t.start()
for t in threads:
    t.join()
for group, indexes in arrived.items():
    if indexes != list(range(per_group)):
        problems.append(f"{group} arrived as {indexes}")
if problems:
    sys.exit("\n".join(problems[:10]))
print(f"{len(entries)} messages in {group_count} groups, in order, by {consumer_count} consumers")
