# `sam build` targets (template.yaml: Metadata BuildMethod makefile). Each copies the thin jar
# Maven built into the function's artifact directory; build the jars first:
#   mvn -B -DskipTests package && sam build
# samconfig.toml sets build_in_source, so make runs here, in the repository, and finds target/.
# The jar goes under lib/: the Java runtime puts /var/task/lib/*.jar on the class path.

JARS := functions
# No AppCDS archive is made here: one valid for Lambda needs the java21 runtime itself (not the
# JDK 17 sam build runs this with); see docs/lambda-start.md "AppCDS for Lambda".

define copy_jar
	@test -f $(1) || { echo "$(1) is missing: run 'mvn -B -DskipTests package' first" >&2; exit 1; }
	mkdir -p "$(ARTIFACTS_DIR)/lib"
	cp $(1) "$(ARTIFACTS_DIR)/lib/"
endef

build-ApiFunction:
	$(call copy_jar,$(JARS)/api/target/rset-api-lambda.jar)

build-WebhookFunction:
	$(call copy_jar,$(JARS)/webhook/target/rset-webhook-lambda.jar)

build-DispatcherFunction:
	$(call copy_jar,$(JARS)/dispatcher/target/rset-dispatcher-lambda.jar)

build-SchedulerFunction:
	$(call copy_jar,$(JARS)/scheduler/target/rset-scheduler-lambda.jar)

build-ReconcilerFunction:
	$(call copy_jar,$(JARS)/reconciler/target/rset-reconciler-lambda.jar)

.PHONY: build-ApiFunction build-WebhookFunction build-DispatcherFunction build-SchedulerFunction build-ReconcilerFunction
