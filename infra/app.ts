// The CDK app: the stateful and stateless stacks with cdk-nag AwsSolutions checks (see stacks/build-app.ts).
import { buildApp } from './stacks/build-app.js';

buildApp();
