import { InputNumber, type InputNumberProps } from 'antd';

/** Money as an exact decimal string with two decimals, as the API takes it; never negative. */
export function MoneyInput(props: InputNumberProps<string>) {
  return (
    <InputNumber<string> stringMode precision={2} min="0" prefix="¥" style={{ width: '100%' }} {...props} />
  );
}
