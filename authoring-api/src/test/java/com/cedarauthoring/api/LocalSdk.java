package com.cedarauthoring.api;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockagentcorecontrol.BedrockAgentCoreControlClient;

/** The real AWS SDK control-plane client pointed at a local service, as a user would configure it. */
public final class LocalSdk {
    private LocalSdk() {}

    /** Signed with the every-role test key ({@link TestCredentials#ALL}); local mode accepts it too. */
    public static BedrockAgentCoreControlClient client(int port) {
        return client(port, TestCredentials.ALL);
    }

    public static BedrockAgentCoreControlClient client(int port, TestCredentials.Key key) {
        return client(port, key.accessKeyId(), key.secretAccessKey(), Region.US_WEST_2);
    }

    public static BedrockAgentCoreControlClient client(int port, String accessKeyId, String secret, Region region) {
        return BedrockAgentCoreControlClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + port))
                .region(region)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secret)))
                .overrideConfiguration(o -> o.retryStrategy(RetryMode.STANDARD).apiCallTimeout(Duration.ofSeconds(20)))
                .build();
    }
}
