import { Tag } from 'antd';

/** A record's on/off state in a table: green when on; the words say what on and off mean for that record. */
export function OnOffTag({ on, onText, offText }: { on: boolean; onText: string; offText: string }) {
  return on ? <Tag color="green">{onText}</Tag> : <Tag>{offText}</Tag>;
}
