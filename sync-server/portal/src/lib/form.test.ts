import { describe, expect, it } from 'vitest';
import {
  loginSchema,
  personSchema,
  registerFinishSchema,
} from '../../../../shared/portal/contract';
import { checkForm, withFieldProblems } from './form';

describe('checking forms with the contract schemas', () => {
  it('returns what to send, in canonical form', () => {
    const result = checkForm(loginSchema, { mobile: '۰۹۱۲ ۱۲۳ ۴۵۶۷', password: 'secret12' });
    expect(result.data).toEqual({ mobile: '+989121234567', password: 'secret12' });
  });

  it('puts the Persian messages under their fields', () => {
    const result = checkForm(personSchema, {
      firstName: '',
      lastName: 'احمدی',
      nationalId: '1234567890',
      mobile: '0912',
      relation: '',
    });
    expect(result.error?.fields).toEqual({
      firstName: 'نام را وارد کنید.',
      nationalId: 'کد ملی معتبر نیست.',
      mobile: 'شمارهٔ همراه معتبر نیست؛ مانند ۰۹۱۲۱۲۳۴۵۶۷ وارد کنید.',
      relation: 'نسبت را بنویسید.',
      gender: 'جنسیت را انتخاب کنید.',
    });
  });

  it('asks for consent to the policy when it was not given', () => {
    const result = checkForm(registerFinishSchema, {
      ticket: 'ticket-123456',
      firstName: 'زهرا',
      lastName: 'احمدی',
      nationalId: '0013542419',
      gender: 'female',
      birthDate: '1990-01-01',
      email: '',
      password: 'abcdefg1',
      heardFrom: 'friends',
      acceptedPolicyVersion: '',
    });
    expect(result.error?.fields).toEqual({
      acceptedPolicyVersion: 'پذیرش سیاست حفظ حریم خصوصی لازم است.',
    });
  });

  it('adds page checks to the schema’s messages, schema first', () => {
    const error = withFieldProblems(null, { birthDate: 'زیر ۱۸ سال', email: null });
    expect(error?.fields).toEqual({ birthDate: 'زیر ۱۸ سال' });
    expect(withFieldProblems(null, { birthDate: null })).toBeNull();
  });
});
