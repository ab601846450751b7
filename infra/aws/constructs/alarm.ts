import {
  Alarm,
  ComparisonOperator,
  TreatMissingData,
  type IAlarmAction,
  type IMetric,
} from 'aws-cdk-lib/aws-cloudwatch';
import type { Construct } from 'constructs';

/**
 * The one alarm shape the stack uses: the metric reaches the threshold within one evaluation
 * period; no data is not a breach; the alarm notifies the given action when it fires and again
 * when it recovers (OK), so that whoever was paged also hears that it is over.
 */
export function alarmAtLeast(
  scope: Construct,
  id: string,
  props: { description: string; metric: IMetric; threshold: number; action: IAlarmAction },
): Alarm {
  const alarm = new Alarm(scope, id, {
    alarmDescription: props.description,
    metric: props.metric,
    threshold: props.threshold,
    evaluationPeriods: 1,
    comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    treatMissingData: TreatMissingData.NOT_BREACHING,
  });
  alarm.addAlarmAction(props.action);
  alarm.addOkAction(props.action);
  return alarm;
}
